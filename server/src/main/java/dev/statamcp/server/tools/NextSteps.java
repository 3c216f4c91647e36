package dev.statamcp.server.tools;

import dev.statamcp.server.jobs.Job;

/** What a model should call next for a job that has not ended. */
final class NextSteps {
    private NextSteps() {
    }

    static String forRunning(Job job) {
        String id = job.id().value();
        return "The job goes on in the background. Wait for it with stata_job_wait(job_id=\"" + id
                + "\"), check it with stata_job_status, stop it with stata_job_cancel; its result stays available"
                + " through stata_job_result after it ends.";
    }
}
