package dev.statamcp.fakestata.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graphs in memory, by name, plus which one is current and the {@code _gr_list} record of graphs drawn since
 * it was switched on.
 */
public final class GraphStore {
    private final Map<String, Graph> graphs = new LinkedHashMap<>();
    private String current;
    private boolean listing;
    private final List<String> drawn = new ArrayList<>();

    public void put(Graph g) {
        graphs.remove(g.name());
        graphs.put(g.name(), g);
        current = g.name();
        if (listing) {
            drawn.remove(g.name());
            drawn.add(g.name());
        }
    }

    public Graph get(String name) {
        return graphs.get(name);
    }

    public Graph current() {
        return current == null ? null : graphs.get(current);
    }

    public void setCurrent(String name) {
        current = name;
    }

    public List<String> names() {
        return List.copyOf(graphs.keySet());
    }

    public void drop(String name) {
        graphs.remove(name);
        if (name.equals(current)) {
            current = null;
        }
    }

    public void dropAll() {
        graphs.clear();
        current = null;
    }

    public void setListing(boolean on) {
        listing = on;
        if (on) {
            drawn.clear();
        }
    }

    public boolean listing() {
        return listing;
    }

    public List<String> drawn() {
        return List.copyOf(drawn);
    }
}
