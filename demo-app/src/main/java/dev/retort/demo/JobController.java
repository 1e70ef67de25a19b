package dev.retort.demo;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /jobs} lists the jobs; {@code POST /jobs} submits one, which runs on the first idle worker. */
@RestController
public class JobController {

    private final JobRepository jobs;
    private final JobDispatcher dispatcher;

    public JobController(JobRepository jobs, JobDispatcher dispatcher) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/jobs")
    public List<JobView> list() {
        return jobs.findAllByOrderByIdAsc().stream().map(JobView::of).toList();
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    public JobView submit(@RequestBody NewJob request) {
        if (request.type() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "type is required");
        }
        return JobView.of(dispatcher.submit(request.type(), request.priority() == null ? 0 : request.priority()));
    }

    /** The body of {@code POST /jobs}; {@code priority} defaults to 0. */
    public record NewJob(JobType type, Integer priority) {
    }

    /** A job as the API shows it; {@code workerId} is null while it is queued. */
    public record JobView(long id, JobType type, int priority, JobStatus status, Long workerId, String workerName,
            Instant createdAt) {

        static JobView of(Job job) {
            Worker worker = job.getWorker();
            return new JobView(job.getId(), job.getType(), job.getPriority(), job.getStatus(),
                    worker == null ? null : worker.getId(),
                    worker == null ? null : worker.getName(), job.getCreatedAt());
        }
    }
}
