package dev.statamcp.fakestata.session;

import java.util.List;

/**
 * A program defined with {@code program define}: its body lines (comments removed, macros unexpanded) and class.
 *
 * @param name the command name
 * @param body the lines between the definition and {@code end}
 * @param rclass "r", "e", "s" or "" (not declared)
 */
public record Program(String name, List<String> body, String rclass) {
}
