package jp.climatepdca.area;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffMeetingRepository extends JpaRepository<StaffMeeting, Long> {

  Optional<StaffMeeting> findByBusinessKey(String businessKey);

  List<StaffMeeting> findByAreaCodeAndFiscalYearOrderByNumber(String areaCode, int fiscalYear);

  List<StaffMeeting> findByIdIn(List<Long> ids);

  @Query("select coalesce(max(m.number), 0) from StaffMeeting m where m.areaCode = ?1 and m.fiscalYear = ?2")
  int lastNumber(String areaCode, int fiscalYear);
}
