package dev.statamcp.server.resources;

import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.resources.Resource;
import dev.statamcp.mcp.server.Catalog;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.results.Uris;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Lists the graphs of recent jobs as resources, so a client browsing resources finds them; adding one announces
 * {@code notifications/resources/list_changed}. Only the newest are listed (all stay readable by URI).
 */
public final class GraphListing {
    static final int LISTED = 100;

    private final Catalog<Resource> resources;
    private final JobFolders folders;
    private final Deque<String> listed = new ArrayDeque<>();

    public GraphListing(Catalog<Resource> resources, JobFolders folders) {
        this.resources = resources;
        this.folders = folders;
    }

    public synchronized void add(Job job) {
        for (String file : job.graphs()) {
            Path path = folders.graphs(job.id()).resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            String uri = Uris.graph(job.id().value(), file);
            resources.add(new Resource(uri, file, "Graph " + file + " of job " + job.id(),
                    "Exported after " + job.spec().describe(), JobResources.mime(path), size(path),
                    (u, vars, ctx) -> {
                        if (!Files.isRegularFile(path)) {
                            throw new McpException(JobResources.NOT_FOUND, "the graph " + file + " of job " + job.id()
                                    + " was deleted (old jobs are pruned)");
                        }
                        return List.of(dev.statamcp.mcp.content.ResourceContents.blob(u, JobResources.mime(path),
                                Files.readAllBytes(path)));
                    }));
            listed.addLast(uri);
            while (listed.size() > LISTED) {
                resources.remove(listed.removeFirst());
            }
        }
    }

    private static Long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
