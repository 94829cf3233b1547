package jp.climatepdca.area;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkingGroupRepository extends JpaRepository<WorkingGroup, Long> {

  Optional<WorkingGroup> findByMeetingId(Long meetingId);

  /** The groups that existed at some time between the two days (set up by then, not dissolved before). */
  @Query("select g from WorkingGroup g where g.areaCode = ?1 and g.setUpOn <= ?3"
      + " and (g.dissolvedOn is null or g.dissolvedOn >= ?2) order by g.setUpOn, g.id")
  List<WorkingGroup> activeBetween(String areaCode, LocalDate from, LocalDate to);
}
