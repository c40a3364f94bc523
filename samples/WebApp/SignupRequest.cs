namespace WebApp;

/// <summary>The body of <c>POST /signup</c>.</summary>
public sealed record SignupRequest(string Name, string Email);
