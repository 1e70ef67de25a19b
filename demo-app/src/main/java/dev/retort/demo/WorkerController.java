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

/** {@code GET /workers} lists the workers; {@code POST /workers} registers an idle one. */
@RestController
public class WorkerController {

    private final WorkerRepository workers;

    public WorkerController(WorkerRepository workers) {
        this.workers = workers;
    }

    @GetMapping("/workers")
    public List<WorkerView> list() {
        return workers.findAllByOrderByIdAsc().stream().map(WorkerView::of).toList();
    }

    @PostMapping("/workers")
    @ResponseStatus(HttpStatus.CREATED)
    public WorkerView register(@RequestBody NewWorker request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name is required");
        }
        return WorkerView.of(workers.save(new Worker(request.name().strip(), request.hostname())));
    }

    /** The body of {@code POST /workers}. */
    public record NewWorker(String name, String hostname) {
    }

    /** A worker as the API shows it. */
    public record WorkerView(long id, String name, String hostname, WorkerStatus status, Instant createdAt) {

        static WorkerView of(Worker worker) {
            return new WorkerView(worker.getId(), worker.getName(), worker.getHostname(), worker.getStatus(),
                    worker.getCreatedAt());
        }
    }
}
