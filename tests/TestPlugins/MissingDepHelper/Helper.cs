namespace MissingDepHelper;

public static class Helper
{
    public static double Twice(double x) => 2 * x;
}
