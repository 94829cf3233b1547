package jp.climatepdca.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One completed entry task and the person who completed it. */
@Entity
@Table(name = "task_submission")
class TaskSubmission {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "task_definition_key")
  private String taskDefinitionKey;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  protected TaskSubmission() {}

  TaskSubmission(String processInstanceId, String taskDefinitionKey, String taskId, String submittedBy) {
    this.processInstanceId = processInstanceId;
    this.taskDefinitionKey = taskDefinitionKey;
    this.taskId = taskId;
    this.submittedBy = submittedBy;
    this.submittedAt = Instant.now();
  }

  String submittedBy() {
    return submittedBy;
  }
}
