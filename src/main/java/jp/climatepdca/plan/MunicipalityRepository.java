package jp.climatepdca.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalityRepository extends JpaRepository<Municipality, String> {

  List<Municipality> findAllByOrderByCode();

  List<Municipality> findByAreaCodeOrderByCode(String areaCode);

  /** Locks the municipality's row until the transaction ends: two plan loads of one town take turns. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @org.springframework.data.jpa.repository.Query("select m from Municipality m where m.code = :code")
  java.util.Optional<Municipality> lock(String code);
}
