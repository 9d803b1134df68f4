package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.ApprovalRepository;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.adsw.bpmsoft.emulator.odata.DataService.invalidQuery;
import static io.adsw.bpmsoft.emulator.odata.DataService.json;
import static io.adsw.bpmsoft.emulator.odata.DataService.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query options, alone and together (SPEC §5.2): {@code $filter} with comparisons,
 * logic, string functions and navigation paths, {@code $select}, {@code $orderby},
 * {@code $top}/{@code $skip}, {@code $count}, {@code $expand} with nested options and its
 * depth limit, and ASP.NET OData's refusals, word for word.
 */
@StandTest
class ODataQueryTests {

	private static final String MAX_DEPTH = "The request includes a $expand path which is too deep. The maximum depth"
			+ " allowed is 2. To increase the limit, set the 'MaxExpansionDepth' property on EnableQueryAttribute or"
			+ " ODataValidationSettings.";

	@LocalServerPort
	int port;

	@Autowired
	ContactRepository contactRepository;

	@Autowired
	ApprovalRepository approvalRepository;

	DataService odata;

	@Autowired
	ElmaClient elma;

	/** Unique to the test: every contact it makes has a name that starts with it. */
	String tag;

	/** Ids of the contacts named {@code <tag> A} to {@code <tag> E}. */
	List<String> ids;

	/** Their emails, in the same order. */
	List<String> emails;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
		this.tag = DataService.tag();
		this.ids = new ArrayList<>();
		this.emails = new ArrayList<>();
		person("A", "Anna", "Dev");
		person("B", "Boris", "QA");
		person("C", "Clara", "Dev");
		person("D", "Denis", "QA");
		person("E", "Elena", "Lead");
	}

	/**
	 * A contact stored directly, so that queries are the only requests a test makes; each
	 * one created a millisecond after the previous.
	 */
	private void person(String letter, String givenName, String jobTitle) {
		String email = DataService.email(this.tag + letter.toLowerCase());
		Instant createdOn = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(this.ids.size());
		Contact contact = new Contact(UUID.randomUUID(), this.tag + " " + letter, email, createdOn);
		contact.setGivenName(givenName);
		contact.setJobTitle(jobTitle);
		this.contactRepository.save(contact);
		this.ids.add(contact.getId().toString());
		this.emails.add(email);
	}

	/** A contact stored directly with only a name. */
	private void named(String name) {
		this.contactRepository.save(new Contact(UUID.randomUUID(), name, null, Instant.now()));
	}

	/**
	 * The letters of this test's contacts a query finds, in the order found: the query is
	 * a filter expression, or options starting with {@code $}; sorted by name unless it
	 * says otherwise.
	 */
	private List<String> letters(String query) {
		String scope = "$filter=startswith(Name,'" + this.tag + "')";
		String options = query.startsWith("$") ? scope + "&" + query : scope + " and (" + query + ")";
		if (!options.contains("$orderby")) {
			options += "&$orderby=Name";
		}
		return this.odata.column("Contact?" + options, "Name")
			.stream()
			.map((name) -> name.substring(this.tag.length() + 1))
			.toList();
	}

	/** A new approval stored directly; its id. */
	private String approval(String name) {
		UUID id = UUID.randomUUID();
		this.approvalRepository.save(new Approval(id, name, Instant.now()));
		return id.toString();
	}

	/** An approval whose first round asks the four first contacts in order. */
	private String approvalAskingFour() {
		String approval = approval(this.tag);
		this.elma.createChain(approval, String.join(";", this.emails.subList(0, 4))).spec(success());
		return approval;
	}

	private List<Integer> positions(String approval, String filter) {
		return this.odata
			.rows("ApprovalVisa?$filter=ApprovalId eq " + approval + " and (" + filter + ")&$orderby=Position")
			.stream()
			.map((row) -> row.get("Position").intValue())
			.toList();
	}

	@Test
	void eqFindsTheRowWithThatValue() {
		assertThat(letters("Name eq '" + this.tag + " B'")).containsExactly("B");
	}

	@Test
	void theSameQueryWithAnotherValueFindsThatValuesRows() {
		assertThat(letters("Name eq '" + this.tag + " B'")).containsExactly("B");
		assertThat(letters("Name eq '" + this.tag + " D'")).containsExactly("D");
		assertThat(letters("Name eq '" + this.tag + " B'")).containsExactly("B");
		String approval = approvalAskingFour();
		assertThat(positions(approval, "Position gt 3")).containsExactly(4);
		assertThat(positions(approval, "Position gt 1")).containsExactly(2, 3, 4);
	}

	@Test
	void neFindsEveryOtherRow() {
		assertThat(letters("Name ne '" + this.tag + " B'")).containsExactly("A", "C", "D", "E");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "Position eq 3|3", "Position ne 3|1,2,4", "Position gt 2|3,4", "Position ge 2|2,3,4",
					"Position lt 2|1", "Position le 2|1,2", "2 lt Position|3,4", "Round eq 1|1,2,3,4",
					"Position gt 1 and Position lt 4|2,3" })
	void numbersCompareWithEveryOperator(String filter, String expected) {
		String approval = approvalAskingFour();
		assertThat(positions(approval, filter)).map(String::valueOf).containsExactly(expected.split(","));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "gt|D,E", "ge|C,D,E", "lt|A,B", "le|A,B,C" })
	void textComparesWithEveryOperator(String operator, String expected) {
		assertThat(letters("Name " + operator + " '" + this.tag + " C'")).containsExactly(expected.split(","));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "eq|C", "ne|A,B,D,E", "gt|D,E", "ge|C,D,E", "lt|A,B", "le|A,B,C" })
	void timestampsCompareWithEveryOperator(String operator, String expected) {
		String createdOn = this.odata.entity("Contact", this.ids.get(2)).get("CreatedOn").asString();
		assertThat(letters("CreatedOn " + operator + " " + createdOn)).containsExactly(expected.split(","));
	}

	@Test
	void andOrAndNotCombine() {
		assertThat(letters("(JobTitle eq 'Dev' or JobTitle eq 'Lead') and not (Name eq '" + this.tag + " A')"))
			.containsExactly("C", "E");
		assertThat(letters("not (JobTitle eq 'Dev')")).containsExactly("B", "D", "E");
		assertThat(letters("JobTitle eq 'QA' or GivenName eq 'Anna'")).containsExactly("A", "B", "D");
	}

	@Test
	void booleanColumnsFilterByLiteralAndBareName() {
		String approval = approvalAskingFour();
		this.elma.createChain(approval, this.emails.get(4)).spec(success());
		assertThat(this.odata.column(
				"ApprovalVisa?$filter=ApprovalId eq " + approval + " and IsCanceled eq true" + "&$orderby=Position",
				"Position"))
			.containsExactly("1", "2", "3", "4");
		assertThat(
				this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval + " and IsCanceled", "VisaOwnerId"))
			.hasSize(4);
		assertThat(this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval + " and IsCanceled eq false",
				"VisaOwnerId"))
			.containsExactly(this.ids.get(4));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "contains(GivenName,'en')|D,E", "startswith(GivenName,'Cl')|C", "endswith(GivenName,'a')|A,C,E",
					"contains(tolower(GivenName),'an')|A", "toupper(GivenName) eq 'BORIS'|B",
					"tolower(JobTitle) eq 'qa'|B,D", "startswith(toupper(GivenName),'DE')|D",
					"not contains(GivenName,'a')|B,D", "length(JobTitle) eq length('QA')|B,D",
					"length(GivenName) eq length(tolower('BORIS')) and GivenName eq 'Boris'|B" })
	void stringFunctionsFilter(String filter, String expected) {
		assertThat(letters(filter)).containsExactly(expected.split(","));
	}

	@Test
	void stringFunctionsAreCaseSensitiveLikeTheColumn() {
		assertThat(letters("contains(GivenName,'ANNA')")).isEmpty();
		assertThat(letters("contains(toupper(GivenName),'ANNA')")).containsExactly("A");
	}

	@Test
	void percentAndUnderscoreInAPatternAreTakenLiterally() {
		named(this.tag + " 100% sure_thing");
		named(this.tag + " 100X sureYthing");
		named(this.tag + " 1000 sure thing");
		assertThat(letters("contains(Name,'0% s')")).containsExactly("100% sure_thing");
		assertThat(letters("contains(Name,'e_t')")).containsExactly("100% sure_thing");
		assertThat(letters("endswith(Name,'_thing')")).containsExactly("100% sure_thing");
		assertThat(letters("startswith(Name,'" + this.tag + " 100%')")).containsExactly("100% sure_thing");
		assertThat(letters("contains(Name,'%')")).containsExactly("100% sure_thing");
		assertThat(letters("contains(Name,'_')")).containsExactly("100% sure_thing");
	}

	@Test
	void cyrillicLiteralsMatch() {
		named(this.tag + " Иван Петров");
		named(this.tag + " Пётр Иванов");
		assertThat(letters("Name eq '" + this.tag + " Иван Петров'")).containsExactly("Иван Петров");
		assertThat(letters("contains(Name,'Иван')")).containsExactly("Иван Петров", "Пётр Иванов");
		assertThat(letters("startswith(tolower(GivenName),'c') or endswith(Name,'Иванов')")).containsExactly("C",
				"Пётр Иванов");
	}

	@Test
	void quoteInsideALiteralIsDoubled() {
		named(this.tag + " O'Brien");
		assertThat(letters("Name eq '" + this.tag + " O''Brien'")).containsExactly("O'Brien");
	}

	@Test
	void emptyEmailComparesAsEmptyText() {
		named(this.tag + " Blank");
		String first = this.emails.get(0);
		assertThat(letters("Email ne '" + first + "'")).containsExactly("B", "Blank", "C", "D", "E");
		assertThat(letters("Email lt 'z'")).containsExactly("A", "B", "Blank", "C", "D", "E");
		assertThat(letters("Email le ''")).containsExactly("Blank");
		assertThat(letters("Email gt ''")).containsExactly("A", "B", "C", "D", "E");
		assertThat(letters("Email eq ''")).containsExactly("Blank");
		assertThat(letters("Email eq null")).containsExactly("Blank");
		assertThat(letters("Email ne ''")).containsExactly("A", "B", "C", "D", "E");
	}

	@Test
	void notOfAComparisonKeepsEmptyEmails() {
		named(this.tag + " Blank");
		String first = this.emails.get(0);
		assertThat(letters("not (Email eq '" + first + "')")).containsExactly("B", "Blank", "C", "D", "E");
		assertThat(letters("not (Email gt 'a')")).containsExactly("Blank");
		assertThat(letters("not contains(Email,'example')")).containsExactly("Blank");
		assertThat(letters("not startswith(Email,'" + this.tag + "')")).containsExactly("Blank");
		assertThat(letters("not (Email in ('" + first + "'))")).containsExactly("B", "Blank", "C", "D", "E");
		assertThat(letters("not (Email eq '" + first + "' or JobTitle eq 'QA')")).containsExactly("Blank", "C", "E");
		assertThat(letters("not (not (Email eq '" + first + "'))")).containsExactly("A");
	}

	@Test
	void functionsOfAnEmptyEmailSeeEmptyText() {
		named(this.tag + " Blank");
		assertThat(letters("length(Email) eq 0")).containsExactly("Blank");
		assertThat(letters("startswith(Email,'')")).containsExactly("A", "B", "Blank", "C", "D", "E");
		assertThat(letters("not contains(Email,'')")).isEmpty();
		assertThat(letters("tolower(Email) ne 'x'")).containsExactly("A", "B", "Blank", "C", "D", "E");
		assertThat(letters("Email in ('" + this.emails.get(1) + "', '')")).containsExactly("B", "Blank");
		assertThat(letters("$orderby=Email,Name")).first().isEqualTo("Blank");
		assertThat(letters("$orderby=Email desc,Name")).last().isEqualTo("Blank");
	}

	@Test
	void propertyOfALookupThatFindsNoRowMatchesNoComparison() {
		Contact creator = new Contact(UUID.randomUUID(), this.tag + " Z creator", null, Instant.now());
		this.contactRepository.save(creator);
		Contact created = this.contactRepository.findById(UUID.fromString(this.ids.get(0))).orElseThrow();
		created.createdBy(creator.getId());
		this.contactRepository.save(created);
		// As Creatio's left joins on SQL Server: B to E and the creator have no creator.
		assertThat(letters("CreatedBy/Name ne 'Supervisor'")).containsExactly("A");
		assertThat(letters("not (CreatedBy/Name eq 'Supervisor')")).containsExactly("A");
		assertThat(letters("not contains(CreatedBy/Name,'Supervisor')")).containsExactly("A");
		assertThat(letters("CreatedBy/Name eq ''")).isEmpty();
		assertThat(letters("CreatedBy/Name eq null")).containsExactly("B", "C", "D", "E", "Z creator");
		assertThat(letters("CreatedBy/Name ne null")).containsExactly("A");
		// The creator is there, with no email: it compares as empty text.
		assertThat(letters("CreatedBy/Email eq ''")).containsExactly("A");
		assertThat(letters("CreatedBy/Email ne 'x'")).containsExactly("A");
		assertThat(letters("not (CreatedBy/Email eq 'x')")).containsExactly("A");
		assertThat(letters("not (CreatedBy/Email ne '')")).containsExactly("A");
		// ProcessListeners too, which is 0 on every row there is.
		assertThat(letters("CreatedBy/ProcessListeners eq 0")).containsExactly("A");
		assertThat(letters("CreatedBy/ProcessListeners ne 1")).containsExactly("A");
		assertThat(letters("CreatedBy/ProcessListeners eq null")).containsExactly("B", "C", "D", "E", "Z creator");
		assertThat(letters("ProcessListeners eq 0")).containsExactly("A", "B", "C", "D", "E", "Z creator");
	}

	/**
	 * {@code not} against its parenthesis, as Power BI writes it and ASP.NET OData reads
	 * it; text in quotes stays as it is.
	 */
	@Test
	void notAgainstItsParenthesisIsReadAsNot() {
		assertThat(letters("not(contains(Name,'A'))")).containsExactly("B", "C", "D", "E");
		assertThat(letters("not(Name eq '" + this.tag + " B') and not(JobTitle eq 'Dev')")).containsExactly("D", "E");
		assertThat(letters("not(not(JobTitle eq 'QA'))")).containsExactly("B", "D");
		assertThat(letters("Name eq 'not(x)' or JobTitle eq 'Lead'")).containsExactly("E");
		String approval = approvalAskingFour();
		List<JsonNode> visas = this.odata
			.rows("Approval?$filter=Id eq " + approval
					+ "&$expand=ApprovalVisaCollectionByApproval($filter=not(Position eq 1);$orderby=Position)")
			.get(0)
			.get("ApprovalVisaCollectionByApproval")
			.valueStream()
			.toList();
		assertThat(visas).extracting((visa) -> visa.get("Position").intValue()).containsExactly(2, 3, 4);
	}

	/**
	 * A string function between two properties, as ASP.NET OData runs it: the second's
	 * {@code %} and {@code _} are no wildcards, and an empty one is in every text.
	 */
	@Test
	void stringFunctionComparesTwoProperties() {
		given(" Anna X", "Anna");
		given(" Y Boris", "Boris");
		given(" Z", this.tag);
		given(" W", "");
		given(" 50% off", "5_%");
		given(" 5_% off", "5_%");
		assertThat(letters("contains(Name,GivenName)")).containsExactly("5_% off", "Anna X", "W", "Y Boris", "Z");
		assertThat(letters("startswith(Name,GivenName)")).containsExactly("W", "Z");
		assertThat(letters("endswith(Name,GivenName)")).containsExactly("W", "Y Boris");
		assertThat(letters("not contains(Name,GivenName)")).containsExactly("50% off", "A", "B", "C", "D", "E");
		assertThat(letters("contains(tolower(Name),tolower(GivenName)) and endswith(Name,'X')"))
			.containsExactly("Anna X");
		Response response = this.odata.get("Contact?$filter=contains('text',Name)");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("String functions take a string property (or a function"
				+ " of one) first and a string second: a literal, or another string property."));
	}

	private void given(String name, String givenName) {
		Contact contact = new Contact(UUID.randomUUID(), this.tag + name, null, Instant.now());
		contact.setGivenName(givenName);
		this.contactRepository.save(contact);
	}

	@Test
	void visaNotYetDecidedHasNoSetterToCompare() {
		String approval = approvalAskingFour();
		this.elma.resolve(approval, this.emails.get(0), "Согласовано").spec(success());
		assertThat(positions(approval, "SetBy/Name ne 'Nobody'")).containsExactly(1);
		assertThat(positions(approval, "not (SetBy/Name eq 'Nobody')")).containsExactly(1);
		assertThat(positions(approval, "SetById ne " + DataService.NEGATIVE)).containsExactly(1, 2, 3, 4);
		assertThat(positions(approval, "not (SetById eq " + this.ids.get(0) + ")")).containsExactly(2, 3, 4);
		assertThat(positions(approval, "SetDate lt 2000-01-01T00:00:00Z")).containsExactly(2, 3, 4);
		assertThat(positions(approval, "not (SetDate gt 2000-01-01T00:00:00Z)")).containsExactly(2, 3, 4);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "Round eq 1.0|1,2,3,4", "Round eq 1.5|", "Round gt 0.5|1,2,3,4", "Round lt 1.5|1,2,3,4",
					"Position eq 3.0|3", "Position eq 3e0|3", "Position ne 2.0|1,3,4", "Position ne 2.5|1,2,3,4",
					"Position gt 2.5|3,4", "Position ge 2.5|3,4", "Position lt 2.5|1,2", "Position le 2.5|1,2",
					"2.5 gt Position|1,2", "Position in (1, 3, 5)|1,3", "Position lt 2147483648|1,2,3,4",
					"Position gt 2147483648|", "Position eq 2147483648|", "Position ge -2147483649|1,2,3,4",
					"Position le -2147483649|" })
	void integersCompareWithAnyNumberByValue(String filter, String expected) {
		String approval = approvalAskingFour();
		assertThat(positions(approval, filter)).map(String::valueOf)
			.containsExactly((expected == null) ? new String[0] : expected.split(","));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "true|A,B,C,D,E", "false|", "1 eq 1|A,B,C,D,E", "1 eq 1.0|A,B,C,D,E", "1 eq 2|",
					"'a' eq 'a' and JobTitle eq 'QA'|B,D", "true or Name eq 'x'|A,B,C,D,E",
					"not false and JobTitle eq 'Lead'|E" })
	void literalConditionsFilterAsTheyEvaluate(String filter, String expected) {
		assertThat(letters(filter)).containsExactly((expected == null) ? new String[0] : expected.split(","));
		if (!filter.contains(" ")) {
			Response response = this.odata.get("Contact?$filter=" + filter + "&$top=1&$count=true");
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "(JobTitle eq 'Dev') eq (GivenName eq 'Anna')|A,B,D,E",
					"(JobTitle eq 'Dev') ne (GivenName eq 'Anna')|C", "(JobTitle eq 'Dev') gt (GivenName eq 'Anna')|C",
					"not ((JobTitle eq 'Dev') eq (GivenName eq 'Anna'))|C",
					"contains(GivenName,'en') eq contains(JobTitle,'QA')|A,C,D", "(JobTitle eq 'Dev') eq true|A,C",
					"true eq (JobTitle eq 'Dev')|A,C", "(JobTitle eq 'Dev') eq false|B,D,E",
					"(JobTitle eq 'Dev') lt true|B,D,E", "(JobTitle eq 'Dev') in (true)|A,C",
					"(CreatedBy/Name eq 'Supervisor') eq false|", "(CreatedBy/Name eq 'Supervisor') ne true|" })
	void conditionsCompareAsTheirTruthValues(String filter, String expected) {
		assertThat(letters(filter)).containsExactly((expected == null) ? new String[0] : expected.split(","));
	}

	@Test
	void conditionsSortFalseBeforeTrue() {
		assertThat(letters("$orderby=(JobTitle eq 'Dev') eq true,Name")).containsExactly("B", "D", "E", "A", "C");
		assertThat(letters("$orderby=(JobTitle eq 'Dev') desc,Name")).containsExactly("A", "C", "B", "D", "E");
	}

	@Test
	void decimalInTheInListOfAnIntegerIsRefusedByOlingosTypeCheck() {
		Response response = this.odata.get("Approval?$filter=Round in (1.0, 2)");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("A binary operator with incompatible types was detected."
				+ " Found operand types 'Edm.Int32' and 'Edm.Decimal' for operator kind 'In'."));
	}

	@Test
	void pointInTimeInTheInListWrittenAsADateIsRefusedSayingHowToWriteIt() {
		Response response = this.odata.get("Approval?$filter=CreatedOn in (2026-01-01)");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("A binary operator with incompatible types was detected."
				+ " Found operand types 'Edm.DateTimeOffset' and 'Edm.Date' for operator kind 'In'. A point in time is"
				+ " written in full, with its offset: 2026-01-01T00:00:00Z."));
	}

	@Test
	void inWithoutAListIsRefusedSayingHowToWriteIt() {
		Response response = this.odata.get("Approval?$filter=Name in 'a'");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response))
			.isEqualTo(invalidQuery("The operator 'in' takes a list in parentheses: Name in ('a', 'b')."));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"$filter=Round eq 0 and Id ne 2026-01-01|'Edm.Guid' and 'Edm.Date' for operator kind 'NotEqual'.",
			"$filter=Round lt 9 and Id gt 'x'|'Edm.Guid' and 'Edm.String' for operator kind 'GreaterThan'.",
			"$filter=Name eq 'eq' and (Round ne 'x')|'Edm.Int32' and 'Edm.String' for operator kind 'NotEqual'.",
			"$filter=Round gt 0&$expand=ApprovalVisaCollectionByApproval($filter=Position le '1')|'Edm.Int32' and"
					+ " 'Edm.String' for operator kind 'LessThanOrEqual'.",
			"$filter=Name gt 'a'&$orderby=Name eq 1|'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.",
			"$filter=Name eq -7|'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.",
			"$filter=Name ne 3000000000|'Edm.String' and 'Edm.Int64' for operator kind 'NotEqual'." })
	void typeErrorNamesTheComparisonItWasFoundIn(String query, String types) {
		Response response = this.odata.get("Approval?" + query);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(
				invalidQuery("A binary operator with incompatible types was detected. Found operand types " + types));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"CreatedOn gt 2026-01-01T00:00:00|'Edm.DateTimeOffset' and 'Edm.Date' for operator kind 'GreaterThan'. A point"
					+ " in time is written in full, with its offset: 2026-01-01T00:00:00Z.",
			"CreatedOn le 2026-01-01|'Edm.DateTimeOffset' and 'Edm.Date' for operator kind 'LessThanOrEqual'. A point in"
					+ " time is written in full, with its offset: 2026-01-01T00:00:00Z.",
			"Name eq 'a' or (CreatedOn ge 2026-01-01)|'Edm.DateTimeOffset' and 'Edm.Date' for operator kind"
					+ " 'GreaterThanOrEqual'. A point in time is written in full, with its offset: 2026-01-01T00:00:00Z.",
			"JobTitle eq 'x' and Name lt 2026-01-01T00:00:00Z|'Edm.String' and 'Edm.DateTimeOffset' for operator kind"
					+ " 'LessThan'.",
			"CreatedOn gt '2026-01-01T00:00:00Z'|'Edm.DateTimeOffset' and 'Edm.String' for operator kind 'GreaterThan'."
					+ " A point in time is written without quotes, with its offset: 2026-01-01T00:00:00Z." })
	void timeWrittenAsADateOrAsTextIsRefusedSayingHowToWriteIt(String filter, String types) {
		Response response = this.odata.get("Contact?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(
				invalidQuery("A binary operator with incompatible types was detected. Found operand types " + types));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"CreatedOn gt 2026-02-30T00:00:00Z|'2026-02-30T00:00:00Z' is not a valid Edm.DateTimeOffset.",
			"CreatedOn gt 2026-13-01T00:00:00Z|'2026-13-01T00:00:00Z' is not a valid Edm.DateTimeOffset.",
			"Name eq 'x' or CreatedOn le 2026-1-01T00:00:00Z|'2026-1-01T00:00:00Z' is not a valid Edm.DateTimeOffset.",
			"CreatedOn lt 2026-01-01T25:00:00Z|'2026-01-01T25:00:00Z' is not a valid Edm.DateTimeOffset.",
			"CreatedOn in (2026-13-01T00:00:00Z)|'2026-13-01T00:00:00Z' is not a valid Edm.DateTimeOffset.",
			"CreatedOn gt 2026-01-32|'2026-01-32' is not a valid Edm.Date.",
			"Id eq 0000000-0000-0000-0000-000000000000|'0000000-0000-0000-0000-000000000000' is not a valid Edm.Guid.",
			"Id in (0000000-0000-0000-0000-000000000000)|'0000000-0000-0000-0000-000000000000' is not a valid"
					+ " Edm.Guid." })
	void literalOfAWrongFormIsNamed(String filter, String message) {
		Response response = this.odata.get("Contact?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("The literal " + message));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"contains(Id,'03')|A function was given an argument of type 'Edm.Guid', where it takes Edm.String. A GUID is"
					+ " compared whole: <property> eq <guid>, or <property> in (<guid>, ...).",
			"Name eq 'a' and Round|A binary operator with incompatible types was detected. Found operand types"
					+ " 'Edm.Boolean' and 'Edm.Int32' for operator kind 'And'.",
			"Name eq 'a' or (Name eq 'b' and Round)|A binary operator with incompatible types was detected. Found"
					+ " operand types 'Edm.Boolean' and 'Edm.Int32' for operator kind 'And'.",
			"Name eq 'a' or Round|A binary operator with incompatible types was detected. Found operand types"
					+ " 'Edm.Boolean' and 'Edm.Int32' for operator kind 'Or'.",
			"Name eq 'a' or 'x' or Round|A binary operator with incompatible types was detected. Found operand types"
					+ " 'Edm.Boolean' and 'Edm.String' for operator kind 'Or'.",
			"Round or Name eq 'a'|A binary operator with incompatible types was detected. Found operand types 'Edm.Int32'"
					+ " and 'Edm.Boolean' for operator kind 'Or'.",
			"not Name|A unary operator with an incompatible type was detected. Found operand type 'Edm.String' for"
					+ " operator kind 'Not'.",
			"-Name eq 1|A unary operator with an incompatible type was detected. Found operand type 'Edm.String' for"
					+ " operator kind 'Negate'.",
			"startswith(Name,'a') and year(Name) eq 2026|The function 'year' is not supported.",
			"substring(Name,'a') eq 'b'|The function 'substring' is not supported.",
			"endswith(Round,'1')|A function was given an argument of type 'Edm.Int32', where it takes Edm.String.",
			"endswith(Name,1)|A function was given an argument of type 'Edm.Int32', where it takes Edm.String.",
			"1 and Name eq 'a'|A binary operator with incompatible types was detected. Found operand types 'Edm.Int32'"
					+ " and 'Edm.Boolean' for operator kind 'And'.",
			"not 300|A unary operator with an incompatible type was detected. Found operand type 'Edm.Int32' for"
					+ " operator kind 'Not'." })
	void functionGivenAnArgumentOfAnotherTypeIsRefusedNamingBothTypes(String filter, String message) {
		Response response = this.odata.get("Approval?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery(message));
	}

	/** As ASP.NET OData words it, with where the operand is missing. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "Name eq|7", "Name eq 'x' and|15", "\"Name eq 'x' or \"|15", "not|3", "(Name eq|8",
					"ProcessListeners add|20", "contains(Name,'a') and not|26" })
	void filterEndingWithAnOperatorSaysAnExpressionIsExpected(String filter, int position) {
		Response response = this.odata.get("Contact?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response))
			.isEqualTo(invalidQuery("Expression expected at position " + position + " in '" + filter + "'."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Name", "Round", "1", "'x'", "length(Name)" })
	void filterThatIsNotAConditionIsRefused(String filter) {
		Response response = this.odata.get("Approval?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response))
			.isEqualTo(invalidQuery("The $filter expression must evaluate to a single boolean value."));
	}

	@Test
	void lookupIsFilteredThroughItsNavigationId() {
		String approval = approvalAskingFour();
		this.elma.resolve(approval, this.emails.get(0), "Согласовано").spec(success());
		assertThat(positions(approval, "Status/Id eq " + DataService.WAITING)).containsExactly(2, 3, 4);
		assertThat(positions(approval, "Status/Id eq " + DataService.POSITIVE)).containsExactly(1);
		assertThat(positions(approval, "Status/Id ne " + DataService.POSITIVE)).containsExactly(2, 3, 4);
	}

	@Test
	void lookupIsFilteredThroughItsNavigationName() {
		String approval = approvalAskingFour();
		this.elma.resolve(approval, this.emails.get(0), "Согласовано").spec(success());
		this.elma.resolve(approval, this.emails.get(1), "Отклонено").spec(success());
		assertThat(positions(approval, "Status/Name eq 'Positive'")).containsExactly(1);
		assertThat(positions(approval, "Status/Name eq 'Negative'")).containsExactly(2);
		assertThat(positions(approval, "Status/Name eq 'Canceled'")).containsExactly(3, 4);
		assertThat(positions(approval, "Status/Name eq 'Waiting'")).isEmpty();
	}

	@Test
	void contactOfAVisaIsFilteredThroughItsEmail() {
		String approval = approvalAskingFour();
		assertThat(positions(approval, "VisaOwner/Email eq '" + this.emails.get(2) + "'")).containsExactly(3);
		assertThat(positions(approval, "startswith(VisaOwner/Name,'" + this.tag + "') and VisaOwner/JobTitle eq 'QA'"))
			.containsExactly(2, 4);
	}

	@Test
	void approvalIsFilteredThroughItsStatus() {
		String approval = approvalAskingFour();
		String untouched = approval(this.tag + " untouched");
		String scope = "startswith(Name,'" + this.tag + "')";
		assertThat(this.odata.column("Approval?$filter=" + scope + " and Status/Name eq 'InProgress'", "Id"))
			.containsExactly(approval);
		assertThat(this.odata.column("Approval?$filter=" + scope + " and Status/Id eq " + DataService.NEW, "Id"))
			.containsExactly(untouched);
		assertThat(this.odata.column("Approval?$filter=" + scope + " and StatusId eq " + DataService.IN_PROGRESS, "Id"))
			.containsExactly(approval);
	}

	@Test
	void guidLiteralIsWrittenUnquoted() {
		assertThat(letters("Id eq " + this.ids.get(3))).containsExactly("D");
		assertThat(letters("Id eq " + this.ids.get(3).toUpperCase())).containsExactly("D");
	}

	@Test
	void emptyGuidLiteralFindsEmptyLookups() {
		String approval = approvalAskingFour();
		this.elma.resolve(approval, this.emails.get(0), "Согласовано").spec(success());
		assertThat(positions(approval, "SetById eq " + DataService.EMPTY_GUID)).containsExactly(2, 3, 4);
		assertThat(positions(approval, "SetById ne " + DataService.EMPTY_GUID)).containsExactly(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "eq|Equal", "ne|NotEqual" })
	void quotedGuidIsRefusedAsAStringComparedWithAGuid(String operator, String kind) {
		Response response = this.odata.get("Contact?$filter=Id " + operator + " '" + this.ids.get(0) + "'");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("A binary operator with incompatible types was detected."
				+ " Found operand types 'Edm.Guid' and 'Edm.String' for operator kind '" + kind + "'."));
	}

	@Test
	void quotedGuidThroughANavigationIsRefusedToo() {
		Response response = this.odata.get("ApprovalVisa?$filter=Status/Id eq '" + DataService.WAITING + "'");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("A binary operator with incompatible types was detected."
				+ " Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "$filter=Foo eq 1", "$filter=Name eq 'x' and Foo eq 'y'", "$select=Id,Foo", "$select=Foo",
			"$orderby=Foo", "$orderby=Name,Foo desc" })
	void unknownPropertyInAQueryOptionIsRefused(String option) {
		Response response = this.odata.get("Contact?" + option);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(json(response)).isEqualTo(
				invalidQuery("Could not find a property named 'Foo' on type 'BPMSoft.Configuration.OData.Contact'."));
	}

	@Test
	void unknownPropertyOfANavigationTargetNamesTheTargetType() {
		Response response = this.odata.get("ApprovalVisa?$filter=VisaOwner/Foo eq 'x'");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(
				invalidQuery("Could not find a property named 'Foo' on type 'BPMSoft.Configuration.OData.Contact'."));
	}

	@Test
	void selectKeepsOnlyTheNamedProperties() {
		List<JsonNode> rows = this.odata.rows("Contact?$filter=Id eq " + this.ids.get(1) + "&$select=Email,Name,Id");
		assertThat(rows).hasSize(1);
		assertThat(names(rows.get(0))).containsExactlyInAnyOrder("Id", "Name", "Email");
		assertThat(rows.get(0).get("Email").asString()).isEqualTo(this.emails.get(1));
		assertThat(rows.get(0).get("Name").asString()).isEqualTo(this.tag + " B");
	}

	@Test
	void selectStarKeepsEveryProperty() {
		List<JsonNode> rows = this.odata.rows("Contact?$filter=Id eq " + this.ids.get(1) + "&$select=*");
		assertThat(names(rows.get(0))).hasSize(13).contains("Id", "Email", "ProcessListeners");
	}

	@Test
	void orderbySortsAscendingByDefaultAndDescendingWhenAsked() {
		assertThat(letters("$orderby=Name")).containsExactly("A", "B", "C", "D", "E");
		assertThat(letters("$orderby=Name asc")).containsExactly("A", "B", "C", "D", "E");
		assertThat(letters("$orderby=Name desc")).containsExactly("E", "D", "C", "B", "A");
		assertThat(letters("$orderby=GivenName desc")).containsExactly("E", "D", "C", "B", "A");
	}

	/**
	 * A column that holds the same value on every row sorts nothing, and leaves the order
	 * to the keys after it; on a lookup that finds no row it is empty, and comes first.
	 */
	@Test
	void orderbyTakesAColumnOfOneValue() {
		assertThat(letters("$orderby=ProcessListeners,Name desc")).containsExactly("E", "D", "C", "B", "A");
		assertThat(letters("$orderby=ProcessListeners desc,Name")).containsExactly("A", "B", "C", "D", "E");
		Contact created = this.contactRepository.findById(UUID.fromString(this.ids.get(3))).orElseThrow();
		created.createdBy(UUID.fromString(this.ids.get(0)));
		this.contactRepository.save(created);
		assertThat(letters("$orderby=CreatedBy/ProcessListeners,Name desc")).containsExactly("E", "C", "B", "A", "D");
		String approval = approvalAskingFour();
		List<String> owners = this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval
				+ "&$orderby=Approval/ProcessListeners desc,VisaOwner/Name desc", "VisaOwnerId");
		assertThat(owners).containsExactly(this.ids.get(3), this.ids.get(2), this.ids.get(1), this.ids.get(0));
		List<JsonNode> visas = this.odata
			.rows("Approval?$filter=Id eq " + approval
					+ "&$expand=ApprovalVisaCollectionByApproval($orderby=ProcessListeners,Position desc)")
			.get(0)
			.get("ApprovalVisaCollectionByApproval")
			.valueStream()
			.toList();
		assertThat(visas).extracting((visa) -> visa.get("VisaOwnerId").asString())
			.containsExactly(this.ids.get(3), this.ids.get(2), this.ids.get(1), this.ids.get(0));
	}

	@Test
	void orderbyTakesSeveralKeysInTurn() {
		assertThat(letters("$orderby=JobTitle,Name desc")).containsExactly("C", "A", "E", "D", "B");
		assertThat(letters("$orderby=JobTitle desc,Name")).containsExactly("B", "D", "E", "A", "C");
	}

	/**
	 * ASP.NET OData's parser skips blanks between a list's items, as people type them;
	 * text in quotes keeps its own.
	 */
	@Test
	void listOptionsTakeBlanksAroundTheirCommas() {
		List<JsonNode> rows = this.odata.rows("Contact?$filter=Id eq " + this.ids.get(1)
				+ "&$select=Email, Name ,Id&$expand=CreatedBy($select=Name, Id)");
		assertThat(names(rows.get(0))).containsExactlyInAnyOrder("Id", "Name", "Email", "CreatedBy");
		assertThat(letters("$orderby=JobTitle desc, Name")).containsExactly("B", "D", "E", "A", "C");
		assertThat(letters("Name in ('" + this.tag + " A', '" + this.tag + " C')")).containsExactly("A", "C");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			$select=Name,        | $select
			$expand=,CreatedBy   | $expand
			$orderby=Name,,Email | $orderby
			$expand=CreatedBy($select=Name,) | $expand
			""")
	void listOptionWithAnEmptyItemIsRefusedNamingIt(String option, String name) {
		Response response = this.odata.get("Contact?" + option);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(
				invalidQuery("The " + name + " option has an empty item: a comma with nothing before or after it."));
	}

	/** Quotes that do not pair up are named, with how to write a quote inside text. */
	@ParameterizedTest
	@ValueSource(strings = { "Name eq 'x", "Name eq 'O'Brien'", "contains(Name,'a) eq true" })
	void textValueWhoseQuotesDoNotPairUpIsNamedAsSuch(String filter) {
		Response response = this.odata.get("Contact?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("The URI is malformed: the single quotes of a text value"
				+ " do not pair up. A text value ends at its second quote; a quote inside it is written twice"
				+ " ('O''Brien')."));
		assertThat(this.odata.get("Contact?$filter=Name eq 'O''Brien'").statusCode()).isEqualTo(200);
	}

	@Test
	void orderbyFollowsANavigationPath() {
		String approval = approvalAskingFour();
		List<String> owners = this.odata.column(
				"ApprovalVisa?$filter=ApprovalId eq " + approval + "&$orderby=VisaOwner/GivenName desc", "VisaOwnerId");
		assertThat(owners).containsExactly(this.ids.get(3), this.ids.get(2), this.ids.get(1), this.ids.get(0));
	}

	@Test
	void topAndSkipPageThroughTheRows() {
		assertThat(letters("$orderby=Name&$top=2")).containsExactly("A", "B");
		assertThat(letters("$orderby=Name&$top=2&$skip=2")).containsExactly("C", "D");
		assertThat(letters("$orderby=Name&$top=2&$skip=4")).containsExactly("E");
		assertThat(letters("$orderby=Name&$skip=5")).isEmpty();
		assertThat(letters("$orderby=Name&$top=0")).isEmpty();
		assertThat(letters("$orderby=Name desc&$skip=3")).containsExactly("B", "A");
	}

	@Test
	void pagesWithoutAnOrderNeitherRepeatNorSkipRows() {
		List<String> seen = new ArrayList<>();
		for (int skip = 0; skip < 5; skip += 2) {
			seen.addAll(this.odata.column("Contact?$filter=startswith(Name,'" + this.tag + "')&$top=2&$skip=" + skip,
					"Id"));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(this.ids);
	}

	@Test
	void countIsOfEveryMatchWhateverTopAndSkipTake() {
		Response response = this.odata.get("Contact?$filter=startswith(Name,'" + this.tag
				+ "') and JobTitle ne 'Lead'&$orderby=Name desc&$top=2&$skip=1&$count=true&$select=Name");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(names(body)).containsExactly("@odata.context", "@odata.count", "value");
		assertThat(body.get("@odata.count").intValue()).isEqualTo(4);
		assertThat(body.get("value").values()).extracting((row) -> row.get("Name").asString())
			.containsExactly(this.tag + " C", this.tag + " B");
		assertThat(body.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact(Name)");
	}

	@Test
	void countOfNothingIsZero() {
		JsonNode body = json(this.odata.get("Contact?$filter=Name eq '" + this.tag + " none'&$count=true"));
		assertThat(body.get("@odata.count").intValue()).isZero();
		assertThat(body.get("value").values()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"$top=abc|Invalid value 'abc' for $top query option found. The $top query"
					+ " option requires a non-negative integer value.",
			"$top=-1|Invalid value '-1' for $top query option found. The $top query option requires a non-negative"
					+ " integer value.",
			"$skip=x|Invalid value 'x' for $skip query option found. The $skip query option requires a non-negative"
					+ " integer value.",
			"$count=abc|'abc' is not a valid count option." })
	void invalidPagingOrCountIsRefusedInOdlsWords(String option, String detail) {
		Response response = this.odata.get("Contact?" + option);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery(detail));
	}

	@Test
	void expandBringsASingleLookupRow() {
		String approval = approvalAskingFour();
		List<JsonNode> visas = this.odata
			.rows("ApprovalVisa?$filter=ApprovalId eq " + approval + "&$orderby=Position&$expand=VisaOwner,Status");
		assertThat(visas).hasSize(4);
		for (int i = 0; i < 4; i++) {
			JsonNode visa = visas.get(i);
			assertThat(visa.get("VisaOwner").get("Id").asString()).isEqualTo(this.ids.get(i));
			assertThat(visa.get("VisaOwner").get("Email").asString()).isEqualTo(this.emails.get(i));
			assertThat(visa.get("Status").get("Id").asString()).isEqualTo(DataService.WAITING);
			assertThat(visa.get("Status").get("Name").asString()).isEqualTo("Waiting");
			assertThat(names(visa)).endsWith("ProcessListeners", "VisaOwner", "Status");
		}
	}

	@Test
	void expandOfAnEmptyLookupIsNull() {
		String approval = approvalAskingFour();
		JsonNode visa = this.odata
			.rows("ApprovalVisa?$filter=ApprovalId eq " + approval + " and Position eq 1&$expand=SetBy")
			.get(0);
		assertThat(visa.has("SetBy")).isTrue();
		assertThat(visa.get("SetBy").isNull()).isTrue();
	}

	@Test
	void expandBringsACollection() {
		String approval = approvalAskingFour();
		JsonNode row = json(this.odata.get("Approval(" + approval + ")?$expand=ApprovalVisaCollectionByApproval"));
		assertThat(row.get("@odata.context").asString()).startsWith(this.odata.serviceRoot() + "/$metadata#Approval");
		assertThat(row.get("@odata.context").asString()).endsWith("/$entity");
		assertThat(row.get("ApprovalVisaCollectionByApproval").values())
			.extracting((visa) -> visa.get("VisaOwnerId").asString())
			.containsExactlyInAnyOrderElementsOf(this.ids.subList(0, 4));
		assertThat(row.get("ApprovalVisaCollectionByApproval").values())
			.allSatisfy((visa) -> assertThat(visa.get("ApprovalId").asString()).isEqualTo(approval));
	}

	@Test
	void expandOfACollectionTakesNestedOptions() {
		String approval = approvalAskingFour();
		JsonNode row = this.odata
			.rows("Approval?$filter=Id eq " + approval + "&$select=Name&$expand=ApprovalVisaCollectionByApproval("
					+ "$select=Position,VisaOwnerId;$filter=Position gt 1;$orderby=Position desc;$top=2;"
					+ "$expand=VisaOwner($select=Email))")
			.get(0);
		assertThat(names(row)).containsExactly("Name", "ApprovalVisaCollectionByApproval");
		List<JsonNode> visas = List.copyOf(row.get("ApprovalVisaCollectionByApproval").values());
		assertThat(visas).extracting((visa) -> visa.get("Position").intValue()).containsExactly(4, 3);
		assertThat(visas)
			.allSatisfy((visa) -> assertThat(names(visa)).containsExactly("Position", "VisaOwnerId", "VisaOwner"));
		assertThat(visas.get(0).get("VisaOwner").get("Email").asString()).isEqualTo(this.emails.get(3));
		assertThat(names(visas.get(0).get("VisaOwner"))).containsExactly("Email");
	}

	@Test
	void expandOfACollectionSkipsWithinEachParent() {
		String approval = approvalAskingFour();
		String other = approval(this.tag + " other");
		this.elma.createChain(other, this.emails.get(4) + ";" + this.emails.get(3)).spec(success());
		List<JsonNode> rows = this.odata.rows("Approval?$filter=startswith(Name,'" + this.tag
				+ "')&$orderby=Name&$expand=ApprovalVisaCollectionByApproval($orderby=Position;$skip=1;$select=Position)");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("Id").asString()).isEqualTo(approval);
		assertThat(rows.get(0).get("ApprovalVisaCollectionByApproval").values())
			.extracting((visa) -> visa.get("Position").intValue())
			.containsExactly(2, 3, 4);
		assertThat(rows.get(1).get("ApprovalVisaCollectionByApproval").values())
			.extracting((visa) -> visa.get("Position").intValue())
			.containsExactly(2);
	}

	@Test
	void expandOfACollectionCountsItsRowsWhenAsked() {
		String approval = approvalAskingFour();
		JsonNode row = this.odata
			.read("Approval(" + approval + ")?$expand=ApprovalVisaCollectionByApproval($count=true;$top=1)");
		assertThat(row.get("ApprovalVisaCollectionByApproval@odata.count").intValue()).isEqualTo(4);
		assertThat(row.get("ApprovalVisaCollectionByApproval").values()).hasSize(1);
		assertThat(names(row)).endsWith("ApprovalVisaCollectionByApproval@odata.count",
				"ApprovalVisaCollectionByApproval");
	}

	@Test
	void expandOfASingleLookupTakesNestedSelect() {
		String approval = approvalAskingFour();
		JsonNode row = json(this.odata.get("Approval(" + approval + ")?$select=Id&$expand=Status($select=Name)"));
		assertThat(names(row)).containsExactly("@odata.context", "Id", "Status");
		assertThat(names(row.get("Status"))).containsExactly("Name");
		assertThat(row.get("Status").get("Name").asString()).isEqualTo("InProgress");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Approval?$expand=Status($filter=Name eq 'New')|$filter|Status",
			"ApprovalVisa?$expand=VisaOwner($orderby=Name)|$orderby|VisaOwner",
			"ApprovalVisa?$expand=Status($top=1)|$top|Status", "Contact?$expand=CreatedBy($skip=1)|$skip|CreatedBy",
			"Contact?$expand=ModifiedBy($count=true)|$count|ModifiedBy",
			"Approval?$expand=ApprovalVisaCollectionByApproval($expand=SetBy($filter=Name eq 'x'))|$filter|SetBy" })
	void optionsThatChooseAmongRowsAreRefusedOnANavigationToOneRow(String resource, String option, String navigation) {
		Response response = this.odata.get(resource);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("The query option " + option + " cannot be applied to '"
				+ navigation + "': it leads to a single row, and " + option + " applies to collections."));
	}

	@Test
	void optionsThatChooseAmongRowsAreRefusedOnANavigationToOneRowOfOneRow() {
		String approval = approvalAskingFour();
		Response response = this.odata.get("Approval(" + approval + ")?$expand=Status($filter=Name eq 'New')");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("The query option $filter cannot be applied to 'Status':"
				+ " it leads to a single row, and $filter applies to collections."));
	}

	@Test
	void expandTwoLevelsDeepIsAllowed() {
		String approval = approvalAskingFour();
		Response response = this.odata
			.get("Approval?$filter=Id eq " + approval + "&$expand=ApprovalVisaCollectionByApproval($expand=Status)");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("value").get(0).get("ApprovalVisaCollectionByApproval").values()).hasSize(4)
			.allSatisfy((visa) -> assertThat(visa.get("Status").get("Name").asString()).isEqualTo("Waiting"));
		Response back = this.odata.get("ApprovalVisa?$filter=ApprovalId eq " + approval
				+ "&$top=1&$expand=Approval($expand=Status($select=Name))");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(json(back).get("value").get(0).get("Approval").get("Status").get("Name").asString())
			.isEqualTo("InProgress");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Approval?$expand=ApprovalVisaCollectionByApproval($expand=Approval($expand=Status))",
			"ApprovalVisa?$expand=Approval($expand=ApprovalVisaCollectionByApproval($expand=VisaOwner))",
			"ApprovalVisa?$expand=Status,Approval($expand=ApprovalVisaCollectionByApproval($expand=SetBy))" })
	void expandThreeLevelsDeepIsRefused(String resource) {
		Response response = this.odata.get(resource);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery(MAX_DEPTH));
	}

	@Test
	void expandThreeLevelsDeepOfOneRowIsRefused() {
		String approval = approvalAskingFour();
		Response response = this.odata.get("Approval(" + approval
				+ ")?$expand=ApprovalVisaCollectionByApproval($expand=Approval($expand=Status))");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery(MAX_DEPTH));
	}

	@Test
	void plusInTheQueryIsASpaceAsInAspNet() {
		Response response = this.odata.request()
			.get(this.odata.root() + "/Contact?$filter=Name+eq+'" + this.tag + "+C'&$select=Name");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("value").values()).extracting((row) -> row.get("Name").asString())
			.containsExactly(this.tag + " C");
	}

	@Test
	void encodedPlusIsAPlus() {
		named(this.tag + "+plus");
		assertThat(this.odata.column("Contact?$filter=Name eq '" + this.tag + "+plus'", "Name"))
			.containsExactly(this.tag + "+plus");
		assertThat(this.odata.column("Contact?$filter=Name eq '" + this.tag + " plus'", "Name")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			value = { "Contact?$search=Anna|$search", "Contact?$search=\"|$search",
					"Contact?$apply=groupby((Name))|$apply", "Contact?$apply=groupby(|$apply",
					"Contact?$skiptoken=abc|$skiptoken", "Contact?$deltatoken=1|$deltatoken",
					"Contact?$expand=CreatedBy($levels=2)|$levels", "Contact/$count?$search=Anna|$search",
					"Approval?$expand=ApprovalVisaCollectionByApproval($search=x)|$search",
					"Approval?$expand=ApprovalVisaCollectionByApproval($apply=groupby((Round)))|$apply" })
	void systemQueryOptionsTheServiceDoesNotImplementAreRefusedWith501(String resource, String option) {
		Response response = this.odata.get(resource);
		assertThat(response.statusCode()).isEqualTo(501);
		String message = "The system query option " + option + " is not supported.";
		assertThat(json(response)).isEqualTo(DataService.error(message, message));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xml", "atom", "application/xml", "application/atom+xml", "text/csv" })
	void formatOtherThanJsonIsRefusedWith406(String format) {
		for (String resource : List.of("Contact?$format=", "Contact(" + this.ids.get(0) + ")?$format=",
				"Contact(" + this.ids.get(0) + ")/Name?$format=", "?$format=")) {
			Response response = this.odata.get(resource + format);
			assertThat(response.statusCode()).as(resource).isEqualTo(406);
			String message = "The $format option '" + format + "' is not supported: the data service answers in JSON"
					+ " only.";
			assertThat(json(response)).as(resource).isEqualTo(DataService.error(message, message));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "application/atom+xml", "text/html" })
	void acceptOfOnlyOtherTypesThanJsonIsRefusedWith406(String accept) {
		Response response = this.odata.request().accept(accept).get(this.odata.url("Contact?$top=1"));
		assertThat(response.statusCode()).isEqualTo(406);
		String message = "The content type '" + accept + "' of the Accept header is not supported: the data service"
				+ " answers in JSON only.";
		assertThat(json(response)).isEqualTo(DataService.error(message, message));
	}

	@Test
	void formatOfAValueIsRefusedSayingTheValueIsPlainText() {
		Response response = this.odata.get("Contact(" + this.ids.get(0) + ")/Name/$value?$format=json");
		assertThat(response.statusCode()).isEqualTo(406);
		String message = "The $format option 'json' does not apply to /$value, which answers the bare value in plain"
				+ " text: leave $format out.";
		assertThat(json(response)).isEqualTo(DataService.error(message, message));
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json;odata.metadata=bogus", "application/json;odata.streaming=maybe" })
	void jsonOfAParameterTheServiceDoesNotKnowIsRefusedNamingTheParameters(String accept) {
		Response response = this.odata.request().accept(accept).get(this.odata.url("Contact?$top=1"));
		assertThat(response.statusCode()).isEqualTo(406);
		String message = "The content type '" + accept + "' of the Accept header is not supported: the data service"
				+ " answers in JSON, and takes the parameters odata.metadata (minimal, full or none), odata.streaming"
				+ " and IEEE754Compatible (true or false) and charset=utf-8.";
		assertThat(json(response)).isEqualTo(DataService.error(message, message));
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "application/json", "application/json;odata.metadata=minimal",
			"application/json;odata.metadata=none", "application/json;odata.metadata=minimal;odata.streaming=true",
			"application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8" })
	void jsonFormatsAreAnsweredInJson(String format) {
		Response response = this.odata.get("Contact?$filter=Id eq " + this.ids.get(0) + "&$format=" + format);
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(json(response).get("value").get(0).get("GivenName").asString()).isEqualTo("Anna");
		Response accepted = this.odata.request()
			.accept(format.equals("json") ? "application/json" : format)
			.get(this.odata.url("Contact(" + this.ids.get(0) + ")"));
		assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
		assertThat(json(accepted).get("GivenName").asString()).isEqualTo("Anna");
	}

	@Test
	void acceptThatPrefersXmlButTakesJsonIsAnsweredInJson() {
		Response response = this.odata.request()
			.accept("application/xml, application/json;q=0.5")
			.get(this.odata.url("Contact(" + this.ids.get(0) + ")"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "$metadata?$format=xml", "$metadata?$format=json", "$metadata?$format=application/json",
			"$metadata?%24format=json", "$metadata?$format=atom", "$metadata" })
	void metadataIsXmlWhateverTheFormatAsked(String address) {
		Response response = this.odata.get(address);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/xml");
		assertThat(response.header("OData-Version")).isEqualTo("4.0");
		assertThat(response.asString()).startsWith("<?xml").contains("<edmx:Edmx Version=\"4.0\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;odata.metadata=minimal", "application/xml", "*/*" })
	void metadataIsXmlWhateverTheAcceptHeaderAsks(String accept) {
		Response response = this.odata.request().accept(accept).get(this.odata.url("$metadata"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/xml");
		assertThat(response.asString()).startsWith("<?xml").contains("<edmx:Edmx Version=\"4.0\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ApprovalVisaCollectionByApproval/any(v:v/Round eq 1)|any",
			"ApprovalVisaCollectionByApproval/all(v:v/Round eq 1)|all", "ApprovalVisaCollectionByApproval/any()|any",
			"ApprovalVisaCollectionByApproval/any(v: v/Round eq 1)|any",
			"Name ne '/all(' and ApprovalVisaCollectionByApproval/all(v : v/Position gt 1)|all",
			"CreatedBy/any(c:c/Name eq 'x')|any", "CreatedBy/all()|all", "Status/any(s: s/Name eq 'New')|any" })
	void lambdaOperatorsAreRefusedByName(String filter, String operator) {
		Response response = this.odata.get("Approval?$filter=" + filter);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("The lambda operator " + operator + " is not supported."));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					$filter=ApprovalVisaCollectionByApproval/Position eq 1|The path 'ApprovalVisaCollectionByApproval/Position' goes through the collection 'ApprovalVisaCollectionByApproval', which holds many rows: a $filter reaches into a collection only with the lambda operators any and all, which are not supported. Filter the entity set ApprovalVisa itself, or the collection's rows in $expand=ApprovalVisaCollectionByApproval($filter=...).
					$filter=Name eq 'a/b' or ApprovalVisaCollectionByApproval/VisaOwner/Email eq 'x'|The path 'ApprovalVisaCollectionByApproval/VisaOwner/Email' goes through the collection 'ApprovalVisaCollectionByApproval', which holds many rows: a $filter reaches into a collection only with the lambda operators any and all, which are not supported. Filter the entity set ApprovalVisa itself, or the collection's rows in $expand=ApprovalVisaCollectionByApproval($filter=...).
					$orderby=ApprovalVisaCollectionByApproval/Position|The path 'ApprovalVisaCollectionByApproval/Position' goes through the collection 'ApprovalVisaCollectionByApproval', which holds many rows and so no one value to sort on: $orderby takes the row's properties and its lookups' (Status/Name). Sort the collection's rows in $expand=ApprovalVisaCollectionByApproval($orderby=Position).
					$orderby=ApprovalVisaCollectionByApproval/$count desc|Sorting through the collection 'ApprovalVisaCollectionByApproval' is not supported; sort the collection itself instead.
					$filter=ApprovalVisaCollectionByApproval/$count gt 1|Filtering through the collection 'ApprovalVisaCollectionByApproval' is not supported; filter the collection itself instead.
					$expand=Status/CreatedBy|The $expand option takes navigation properties, not a path through them ('Status/CreatedBy'): a navigation's own navigations are expanded in its options, Status($expand=CreatedBy).
					$expand=ApprovalVisaCollectionByApproval($select=Position;$expand=VisaOwner/CreatedBy)|The $expand option takes navigation properties, not a path through them ('VisaOwner/CreatedBy'): a navigation's own navigations are expanded in its options, VisaOwner($expand=CreatedBy).
					$expand=ApprovalVisaCollectionByApproval($filter=Approval/ApprovalVisaCollectionByApproval/Round eq 1)|The path 'Approval/ApprovalVisaCollectionByApproval/Round' goes through the collection 'ApprovalVisaCollectionByApproval', which holds many rows: a $filter reaches into a collection only with the lambda operators any and all, which are not supported. Filter the entity set ApprovalVisa itself, or the collection's rows in $expand=ApprovalVisaCollectionByApproval($filter=...).
					""")
	void pathTheServiceCannotFollowIsNamedWithWhatToWriteInstead(String option, String detail) {
		Response response = this.odata.get("Approval?" + option);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery(detail));
	}

	@Test
	void lambdaInsideAStringLiteralIsNotTakenForOne() {
		Response response = this.odata.get("Approval?$filter=Name eq '/any(v: x' and (");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(invalidQuery("The URI is malformed."));
	}

	@Test
	void everyOptionTogether() {
		String approval = approvalAskingFour();
		this.elma.resolve(approval, this.emails.get(0), "Согласовано").spec(success());
		Response response = this.odata.get("ApprovalVisa?$filter=ApprovalId eq " + approval
				+ " and Status/Name eq 'Waiting' and contains(VisaOwner/Email,'" + this.tag
				+ "')&$orderby=Position desc&$skip=1&$top=1&$count=true&$select=Position,StatusId&$expand=VisaOwner($select=GivenName)");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("@odata.count").intValue()).isEqualTo(3);
		assertThat(body.get("value").values()).hasSize(1);
		JsonNode visa = body.get("value").get(0);
		assertThat(visa.get("Position").intValue()).isEqualTo(3);
		assertThat(visa.get("StatusId").asString()).isEqualTo(DataService.WAITING);
		assertThat(visa.get("VisaOwner").get("GivenName").asString()).isEqualTo("Clara");
	}

}
