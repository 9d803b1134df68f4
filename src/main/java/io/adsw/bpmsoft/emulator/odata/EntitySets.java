package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.adsw.bpmsoft.emulator.Whitespace;
import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.ApprovalStatusEntry;
import io.adsw.bpmsoft.emulator.approval.ApprovalStep;
import io.adsw.bpmsoft.emulator.approval.StatusLookups;
import io.adsw.bpmsoft.emulator.approval.VisaStatusEntry;
import io.adsw.bpmsoft.emulator.contact.Contact;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Boolean;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.DateTimeOffset;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Guid;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Int32;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.String;

/**
 * The entity sets of the data service, with Creatio's names: {@code Contact},
 * {@code Approval}, {@code ApprovalVisa} (the steps, with the columns of Creatio's
 * BaseVisa), and the status lookups {@code VisaStatus} and {@code ApprovalStatus}.
 */
@Component
class EntitySets {

	static final String CONTACT = "Contact";

	static final String APPROVAL = "Approval";

	static final String APPROVAL_VISA = "ApprovalVisa";

	static final String VISA_STATUS = "VisaStatus";

	static final String APPROVAL_STATUS = "ApprovalStatus";

	private final List<EntitySetMapping<?>> sets;

	EntitySets(ContactWrites contactWrites, ApprovalWrites approvalWrites, StatusLookups statuses) {
		this.sets = List.of(contact(contactWrites), approval(approvalWrites, statuses), approvalVisa(statuses),
				lookup(VISA_STATUS, VisaStatusEntry.class, VisaStatusEntry::getId, VisaStatusEntry::getName,
						VisaStatusEntry::getCreatedOn, VisaStatusEntry::getModifiedOn),
				lookup(APPROVAL_STATUS, ApprovalStatusEntry.class, ApprovalStatusEntry::getId,
						ApprovalStatusEntry::getName, ApprovalStatusEntry::getCreatedOn,
						ApprovalStatusEntry::getModifiedOn));
	}

	List<EntitySetMapping<?>> all() {
		return this.sets;
	}

	Optional<EntitySetMapping<?>> named(String name) {
		return this.sets.stream().filter((set) -> set.name().equals(name)).findFirst();
	}

	EntitySetMapping<?> get(String name) {
		return named(name).orElseThrow();
	}

	private static EntitySetMapping<Contact> contact(ContactWrites writes) {
		List<ColumnMapping<Contact>> columns = new ArrayList<>();
		columns.add(ColumnMapping.<Contact>of("Id", Guid, "id", Contact::getId).required());
		columns.add(text("Name", "name", Contact.MAX_TEXT_LENGTH, Contact::getName)
			.writableWith((c, v) -> c.setName(text(v))));
		columns.add(text("Surname", "surname", Contact.MAX_TEXT_LENGTH, Contact::getSurname)
			.writableWith((c, v) -> c.setSurname(text(v))));
		columns.add(text("GivenName", "givenName", Contact.MAX_TEXT_LENGTH, Contact::getGivenName)
			.writableWith((c, v) -> c.setGivenName(text(v))));
		columns.add(text("Email", "email", Contact.MAX_TEXT_LENGTH, Contact::getEmail)
			.writableWith((c, v) -> c.setEmail(email(v))));
		columns.add(text("JobTitle", "jobTitle", Contact.MAX_TEXT_LENGTH, Contact::getJobTitle)
			.writableWith((c, v) -> c.setJobTitle(text(v))));
		columns.add(text("Phone", "phone", Contact.MAX_TEXT_LENGTH, Contact::getPhone)
			.writableWith((c, v) -> c.setPhone(text(v))));
		columns.add(text("MobilePhone", "mobilePhone", Contact.MAX_TEXT_LENGTH, Contact::getMobilePhone)
			.writableWith((c, v) -> c.setMobilePhone(text(v))));
		columns.addAll(system(Contact::getCreatedOn, Contact::getCreatedById, Contact::getModifiedOn,
				Contact::getModifiedById));
		return new EntitySetMapping<>(CONTACT, Contact.class, columns, withSystem(List.of()), writes);
	}

	private static EntitySetMapping<Approval> approval(ApprovalWrites writes, StatusLookups statuses) {
		List<ColumnMapping<Approval>> columns = new ArrayList<>();
		columns.add(ColumnMapping.<Approval>of("Id", Guid, "id", Approval::getId).required());
		columns.add(text("Name", "name", Approval.MAX_NAME_LENGTH, Approval::getName)
			.writableWith((a, v) -> a.setName(text(v))));
		columns.add(ColumnMapping.<Approval>computed("StatusId", Guid,
				(from, criteria) -> statusJoin(from, criteria, ApprovalStatusEntry.class).get("id"),
				(approval) -> statuses.idOf(approval.getStatus())));
		columns.add(ColumnMapping.<Approval>of("Round", Int32, "round", Approval::getRound).required());
		columns.addAll(system(Approval::getCreatedOn, Approval::getCreatedById, Approval::getModifiedOn,
				Approval::getModifiedById));
		List<NavigationMapping> navigations = List.of(
				new NavigationMapping("Status", APPROVAL_STATUS, false, null, "StatusId",
						(from, criteria) -> statusJoin(from, criteria, ApprovalStatusEntry.class)),
				new NavigationMapping("ApprovalVisaCollectionByApproval", APPROVAL_VISA, true, "Approval",
						"ApprovalId"));
		return new EntitySetMapping<>(APPROVAL, Approval.class, columns, withSystem(navigations), writes);
	}

	private static EntitySetMapping<ApprovalStep> approvalVisa(StatusLookups statuses) {
		List<ColumnMapping<ApprovalStep>> columns = new ArrayList<>();
		columns.add(ColumnMapping.<ApprovalStep>of("Id", Guid, "id", ApprovalStep::getId).required());
		columns.add(ColumnMapping.of("ApprovalId", Guid, "approval.id", (step) -> step.getApproval().getId()));
		columns.add(ColumnMapping.<ApprovalStep>of("Round", Int32, "round", ApprovalStep::getRound).required());
		columns
			.add(ColumnMapping.<ApprovalStep>of("Position", Int32, "position", ApprovalStep::getPosition).required());
		columns.add(text("Objective", "objective", 500, ApprovalStep::getObjective));
		columns.add(ColumnMapping.of("VisaOwnerId", Guid, "approver.id", (step) -> step.getApprover().getId()));
		columns.add(ColumnMapping.<ApprovalStep>computed("StatusId", Guid,
				(from, criteria) -> statusJoin(from, criteria, VisaStatusEntry.class).get("id"),
				(step) -> statuses.idOf(step.getStatus())));
		columns.add(ColumnMapping.of("SetById", Guid, "setBy.id",
				(step) -> (step.getSetBy() != null) ? step.getSetBy().getId() : null));
		columns.add(ColumnMapping.of("SetDate", DateTimeOffset, "decidedOn", ApprovalStep::getDecidedOn));
		columns.add(
				ColumnMapping.<ApprovalStep>of("IsCanceled", Boolean, "canceled", ApprovalStep::isCanceled).required());
		columns.add(text("Comment", "comment", 2000, ApprovalStep::getComment));
		columns.addAll(system(ApprovalStep::getCreatedOn, ApprovalStep::getCreatedById, ApprovalStep::getModifiedOn,
				ApprovalStep::getModifiedById));
		List<NavigationMapping> navigations = List.of(
				new NavigationMapping("Approval", APPROVAL, false, "ApprovalVisaCollectionByApproval", "ApprovalId"),
				new NavigationMapping("VisaOwner", CONTACT, false, null, "VisaOwnerId"),
				new NavigationMapping("Status", VISA_STATUS, false, null, "StatusId",
						(from, criteria) -> statusJoin(from, criteria, VisaStatusEntry.class)),
				new NavigationMapping("SetBy", CONTACT, false, null, "SetById"));
		return new EntitySetMapping<>(APPROVAL_VISA, ApprovalStep.class, columns, withSystem(navigations), null);
	}

	private static <E> EntitySetMapping<E> lookup(String name, Class<E> type, Function<E, @Nullable Object> id,
			Function<E, @Nullable Object> title, Function<E, @Nullable Object> createdOn,
			Function<E, @Nullable Object> modifiedOn) {
		List<ColumnMapping<E>> columns = new ArrayList<>();
		columns.add(ColumnMapping.of("Id", Guid, "id", id).required());
		columns.add(text("Name", "name", 50, title));
		columns.addAll(system(createdOn, (row) -> null, modifiedOn, (row) -> null));
		return new EntitySetMapping<>(name, type, columns, withSystem(List.of()), null);
	}

	/**
	 * The navigations of Creatio's system lookups, {@code CreatedBy} and
	 * {@code ModifiedBy}, after the set's own.
	 */
	private static List<NavigationMapping> withSystem(List<NavigationMapping> navigations) {
		List<NavigationMapping> all = new ArrayList<>(navigations);
		all.add(new NavigationMapping("CreatedBy", CONTACT, false, null, "CreatedById"));
		all.add(new NavigationMapping("ModifiedBy", CONTACT, false, null, "ModifiedById"));
		return List.copyOf(all);
	}

	/** Creatio's system columns, on every entity. */
	private static <E> List<ColumnMapping<E>> system(Function<E, @Nullable Object> createdOn,
			Function<E, @Nullable Object> createdById, Function<E, @Nullable Object> modifiedOn,
			Function<E, @Nullable Object> modifiedById) {
		return List.of(ColumnMapping.of("CreatedOn", DateTimeOffset, "createdOn", createdOn),
				ColumnMapping.of("CreatedById", Guid, "createdById", createdById),
				ColumnMapping.of("ModifiedOn", DateTimeOffset, "modifiedOn", modifiedOn),
				ColumnMapping.of("ModifiedById", Guid, "modifiedById", modifiedById),
				ColumnMapping.<E>computed("ProcessListeners", Int32, EntitySets::processListeners, (row) -> 0)
					.required());
	}

	/**
	 * Creatio's {@code ProcessListeners}: 0 on every row, and nothing on a lookup that
	 * finds no row, as every other column of one. An expression, not the literal 0: SQL
	 * reads a literal in {@code ORDER BY} as the number of a column of the result.
	 */
	private static Expression<Integer> processListeners(From<?, ?> from, CriteriaBuilder criteria) {
		return criteria.<Integer>selectCase()
			.when(criteria.isNull(from.get("id")), criteria.nullLiteral(Integer.class))
			.otherwise(0);
	}

	/**
	 * A text property; {@code maxLength} is its column's size in the migrations, which
	 * {@code $metadata} advertises and writes are checked against.
	 */
	private static <E> ColumnMapping<E> text(String name, String attribute, int maxLength,
			Function<E, @Nullable Object> reader) {
		return ColumnMapping.text(name, attribute, maxLength, reader);
	}

	/** A status lookup row joined on its code, as BPMSoft joins a lookup on its id. */
	private static <S> Join<?, S> statusJoin(From<?, ?> from, CriteriaBuilder criteria, Class<S> lookup) {
		Join<?, S> join = from.join(lookup, JoinType.LEFT);
		join.on(criteria.equal(join.get("code"), from.get("status")));
		return join;
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? (String) value : "";
	}

	/**
	 * An email as ELMA's chains and the seeds store it: without whitespace of any kind at
	 * either end, the NO-BREAK SPACE of a pasted address included.
	 */
	private static @Nullable String email(@Nullable Object value) {
		return (value == null || Whitespace.isBlank((String) value)) ? null : Whitespace.strip((String) value);
	}

}
