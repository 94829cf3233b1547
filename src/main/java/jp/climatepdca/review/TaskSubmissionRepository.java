package jp.climatepdca.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

  boolean existsByTaskId(String taskId);

  Optional<TaskSubmission> findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByIdDesc(String processInstanceId,
      String taskDefinitionKey);
}
