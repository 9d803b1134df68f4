package io.adsw.bpmsoft.emulator.seed;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A seed file: contacts and approvals, in YAML or JSON.
 */
record SeedDocument(@Nullable List<SeedContact> contacts, @Nullable List<SeedApproval> approvals) {

	List<SeedContact> contactList() {
		return (this.contacts != null) ? this.contacts : List.of();
	}

	List<SeedApproval> approvalList() {
		return (this.approvals != null) ? this.approvals : List.of();
	}

	/** A contact, matched by id when it has one, by email otherwise. */
	record SeedContact(@Nullable String id, @Nullable String email, @Nullable String name) {

	}

	/** An approval, matched by id; a new one starts {@code New}. */
	record SeedApproval(@Nullable String id, @Nullable String name) {

	}

}
