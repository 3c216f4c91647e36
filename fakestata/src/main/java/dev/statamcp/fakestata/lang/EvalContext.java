package dev.statamcp.fakestata.lang;

/**
 * Where an expression is evaluated: the observation being computed (0-based) and how many there are. Outside a
 * data command (display, local =) the current observation is the first one, as in Stata.
 */
public final class EvalContext {
    public int obs;
    public int nobs;

    public EvalContext(int obs, int nobs) {
        this.obs = obs;
        this.nobs = nobs;
    }
}
