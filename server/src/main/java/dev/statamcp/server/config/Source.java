package dev.statamcp.server.config;

/** Where a setting's value came from, in order of precedence (highest first). */
public enum Source {
    FLAG, ENVIRONMENT, CONFIG_FILE, DEFAULT
}
