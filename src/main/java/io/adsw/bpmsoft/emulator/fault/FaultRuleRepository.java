package io.adsw.bpmsoft.emulator.fault;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FaultRuleRepository extends JpaRepository<FaultRule, UUID> {

	List<FaultRule> findAllByOrderByCreatedOn();

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from FaultRule r where r.id = :id")
	Optional<FaultRule> lockById(UUID id);

}
