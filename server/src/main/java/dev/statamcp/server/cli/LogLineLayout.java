package dev.statamcp.server.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;

/**
 * {@code HH:mm:ss.SSS LEVEL [thread] Logger - message}. Written by hand because Logback's pattern layout compiles
 * its pattern with a parser of a hundred classes, which the stdio start path would pay for on every launch.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {
    private final TimeZone zone = TimeZone.getDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        long stamp = event.getTimeStamp();
        long millisOfDay = Math.floorMod(stamp + zone.getOffset(stamp), 86_400_000L);
        two(line, millisOfDay / 3_600_000).append(':');
        two(line, millisOfDay / 60_000 % 60).append(':');
        two(line, millisOfDay / 1000 % 60).append('.');
        long millis = millisOfDay % 1000;
        line.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append('[').append(event.getThreadName()).append("] ");
        String logger = event.getLoggerName();
        line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(" - ").append(event.getFormattedMessage());
        line.append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            line.append(ThrowableProxyUtil.asString(throwable)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private static StringBuilder two(StringBuilder line, long value) {
        return line.append(value < 10 ? "0" : "").append(value);
    }
}
