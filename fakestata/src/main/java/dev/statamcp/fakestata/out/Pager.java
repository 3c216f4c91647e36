package dev.statamcp.fakestata.out;

/** Decides when the screen pauses at {@code --more--}, and waits for the key that releases it. */
public interface Pager {
    /** Lines the screen may show between two pauses; 0 or less means never pause. */
    int linesPerPage();

    /** Shows the pause and waits; throws the break exception when the key says to stop. */
    void pause();
}
