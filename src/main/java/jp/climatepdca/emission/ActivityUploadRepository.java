package jp.climatepdca.emission;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityUploadRepository extends JpaRepository<ActivityUpload, Long> {

  Optional<ActivityUpload> findFirstByMunicipalityCodeAndInventoryYearOrderByIdDesc(String municipalityCode,
      int inventoryYear);
}
