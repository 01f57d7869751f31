package app.confio.growth.control;

import app.confio.activity.entity.Policy;
import java.util.Map;

/**
 * The users behind one growth number as a statement checked and bound, not yet run: read a page at
 * a time or all of them, in id order. {@code selection} says which number it is, in the words of
 * its parameters (cohort, n, mode…); {@code name} the same in a few words for a file name.
 */
public record MemberQuery(
    Policy policy, Map<String, String> selection, String name, String sql, Object... bounds) {}
