package io.adsw.bpmsoft.emulator.elma;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.adsw.bpmsoft.emulator.Whitespace;

/**
 * The {@code chain_of_approval} field: approvers' emails in order, or {@code Согласовано}
 * when ELMA's approval matrix had no matching conditions and ELMA approved by itself.
 *
 * @param emails the approvers' emails in order; empty when automatically approved
 * @param automaticallyApproved whether ELMA sent {@code Согласовано} instead of a chain
 */
record ChainOfApproval(List<String> emails, boolean automaticallyApproved) {

	static final String APPROVED = "Согласовано";

	private static final Pattern SEPARATOR = Pattern.compile("[;,]");

	/**
	 * Splits the field on {@code ;} and {@code ,}, ignoring whitespace and line breaks
	 * around the emails and skipping empty items.
	 * @throws ElmaRefusal (check 5) when no email is left
	 */
	static ChainOfApproval parse(String value) {
		if (Whitespace.strip(value).equalsIgnoreCase(APPROVED)) {
			return new ChainOfApproval(List.of(), true);
		}
		List<String> emails = Arrays.stream(SEPARATOR.split(value))
			.map(Whitespace::strip)
			.filter((email) -> !email.isEmpty())
			.toList();
		if (emails.isEmpty()) {
			throw ElmaRefusal.badRequest(ElmaMessages.CHAIN_EMPTY);
		}
		return new ChainOfApproval(emails, false);
	}

}
