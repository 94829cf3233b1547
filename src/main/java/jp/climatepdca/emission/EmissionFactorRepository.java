package jp.climatepdca.emission;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EmissionFactorRepository extends JpaRepository<EmissionFactor, Long> {

  @Query("select f from EmissionFactor f where f.validFrom <= :year and (f.validTo is null or f.validTo >= :year)")
  List<EmissionFactor> validIn(int year);

  List<EmissionFactor> findByCodeAndGasOrderByValidFrom(String code, Gas gas);

  List<EmissionFactor> findAllByOrderByCodeAscGasAscValidFromAsc();
}
