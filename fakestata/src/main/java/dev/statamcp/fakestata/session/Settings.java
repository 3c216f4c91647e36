package dev.statamcp.fakestata.session;

/** The values {@code set} changes and {@code c()} reports. */
public final class Settings {
    public int linesize = 80;
    public int pagesize = 23;
    public boolean more;
    public boolean trace;
    public boolean graphics = true;
    public boolean varabbrev = true;
    public String seed = "123456789";
    public int level = 95;
    public String type = "float";
    public double versionSetting;
}
