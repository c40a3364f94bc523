using Microsoft.AspNetCore.Mvc;

namespace Web;

public sealed class HomeController : Controller
{
    public IActionResult Index() => View();
}
