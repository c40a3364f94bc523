using SesMailer;

namespace SesMailer.Templates.Tests.Emails;

// Every value here formats differently in another culture: a date, a plain number and an amount of money.
[Email(Subject = "Statement for {Name}: {Balance} due {DueOn:D}")]
public sealed record StatementEmail(string Name, DateOnly DueOn, decimal Points, Money Balance);
