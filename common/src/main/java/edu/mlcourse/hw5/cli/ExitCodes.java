package edu.mlcourse.hw5.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a command can return, in the order {@code --help} lists them. The command line
 * installed by {@link CommandLines#configure} prints them under "Exit codes:".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExitCodes {
    ExitCode[] value();
}
