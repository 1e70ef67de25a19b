package dev.retort.demo;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The workers. */
public interface WorkerRepository extends JpaRepository<Worker, Long> {

    List<Worker> findAllByOrderByIdAsc();

    Optional<Worker> findFirstByStatusOrderByIdAsc(WorkerStatus status);
}
