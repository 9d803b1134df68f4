package io.adsw.bpmsoft.emulator.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.EmulatorApplication;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.TestDatabase;
import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.ApprovalRepository;
import io.adsw.bpmsoft.emulator.approval.ApprovalStatus;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * SPEC 4: the seed named by {@code emulator.seed} is loaded at start from a file, a
 * {@code file:} URL or the class path, in YAML or JSON, as an upsert; a seed that cannot
 * be loaded stops the start with a failure analysis naming it and the problem.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeedLoadingTests {

	/** The contact of {@code seed/stand.yml} that has an id. */
	private static final UUID OLGA_ID = UUID.fromString("6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b");

	private static final String OLGA = "Olga.Orlova@example.com";

	/** The contact of {@code seed/stand.yml} without an id. */
	private static final String PETR = "petr.sokolov@example.com";

	private static final String APPROVAL = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

	private static final String APPROVED = "Согласовано";

	@TempDir
	Path directory;

	@Test
	void yamlSeedIsLoadedFromAPlainPath() throws IOException {
		Path seed = copy("seed/stand.yml", "stand.yml");
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), seed.toString())) {
			assertStandSeeded(stand);
		}
	}

	@Test
	void yamlSeedIsLoadedFromAFileUrl() throws IOException {
		Path seed = copy("seed/stand.yml", "stand.yml");
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), "file:" + seed.toAbsolutePath())) {
			assertStandSeeded(stand);
		}
	}

	@Test
	void yamlSeedIsLoadedFromTheClassPath() {
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), "classpath:seed/stand.yml")) {
			assertStandSeeded(stand);
		}
	}

	@Test
	void jsonSeedIsLoadedFromAPlainPath() throws IOException {
		Path seed = copy("seed/stand.json", "stand.json");
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), seed.toString())) {
			assertStandSeeded(stand);
		}
	}

	/** A seed with nothing in it yet (a file QA has only started) loads no data. */
	@ParameterizedTest
	@ValueSource(strings = { "empty.yml", "empty.json" })
	void emptySeedLoadsNothing(String file) throws IOException {
		Path seed = write(file, file.endsWith(".yml") ? "# contacts and approvals to come\n" : "");
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), seed.toString())) {
			assertThat(stand.getBean(ContactRepository.class).count()).isZero();
			assertThat(stand.getBean(ApprovalRepository.class).count()).isZero();
		}
	}

	@Test
	void reloadingTheSameSeedChangesNothing() throws IOException {
		Path seed = copy("seed/stand.yml", "stand.yml");
		String[] database = fileDatabase();
		List<String> contacts;
		ApprovalView inProgress;
		try (ConfigurableApplicationContext stand = start(database, seed.toString())) {
			ElmaClient elma = elma(stand);
			elma.createChain(APPROVAL, OLGA + ";" + PETR).spec(success());
			elma.resolve(APPROVAL, OLGA, APPROVED).spec(success());
			contacts = contacts(stand);
			inProgress = new StandData(stand).approvalView(APPROVAL);
		}
		assertThat(contacts).hasSize(2);
		assertThat(inProgress.status()).isEqualTo("IN_PROGRESS");
		try (ConfigurableApplicationContext stand = start(database, seed.toString())) {
			assertThat(contacts(stand)).isEqualTo(contacts);
			StandData data = new StandData(stand);
			assertThat(data.approvalView(APPROVAL)).isEqualTo(inProgress);
			elma(stand).resolve(APPROVAL, PETR, APPROVED).spec(success());
			assertThat(data.approvalView(APPROVAL).status()).isEqualTo("APPROVED");
		}
	}

	@Test
	void changedNamesInTheSeedUpdateTheStandAndKeepItsProgress() throws IOException {
		Path seed = copy("seed/stand.yml", "stand.yml");
		String[] database = fileDatabase();
		UUID petrId;
		ApprovalView inProgress;
		try (ConfigurableApplicationContext stand = start(database, seed.toString())) {
			elma(stand).createChain(APPROVAL, OLGA + ";" + PETR).spec(success());
			petrId = contact(stand, PETR).getId();
			inProgress = new StandData(stand).approvalView(APPROVAL);
		}
		Files.writeString(seed,
				Files.readString(seed)
					.replace("Ольга Орлова", "Ольга Петровна Орлова")
					.replace("Пётр Соколов", "Пётр Ильич Соколов")
					.replace("Договор аренды № 3", "Договор аренды № 3, редакция 2"));
		try (ConfigurableApplicationContext stand = start(database, seed.toString())) {
			assertThat(stand.getBean(ContactRepository.class).count()).isEqualTo(2);
			Contact olga = contact(stand, OLGA);
			assertThat(olga.getId()).isEqualTo(OLGA_ID);
			assertThat(olga.getName()).isEqualTo("Ольга Петровна Орлова");
			// Renamed, it keeps the parts it got when it was new.
			assertThat(olga.getGivenName()).isEqualTo("Ольга");
			assertThat(olga.getSurname()).isEqualTo("Орлова");
			Contact petr = contact(stand, PETR);
			assertThat(petr.getId()).isEqualTo(petrId);
			assertThat(petr.getName()).isEqualTo("Пётр Ильич Соколов");
			assertThat(approval(stand).getName()).isEqualTo("Договор аренды № 3, редакция 2");
			ApprovalView view = new StandData(stand).approvalView(APPROVAL);
			assertThat(view.status()).isEqualTo("IN_PROGRESS");
			assertThat(view.round()).isEqualTo(inProgress.round());
			assertThat(view.steps()).isEqualTo(inProgress.steps());
		}
	}

	@Test
	void seedEmailInAnotherCaseUpdatesTheExistingContact() throws IOException {
		String[] database = fileDatabase();
		String email;
		UUID id;
		try (ConfigurableApplicationContext stand = start(database, "")) {
			email = new StandData(stand).contact("olga");
			id = contact(stand, email).getId();
		}
		Path seed = write("stand.yml", """
				contacts:
				  - email: "  %s "
				    name: Ольга Орлова
				""".formatted(email.toUpperCase()));
		try (ConfigurableApplicationContext stand = start(database, seed.toString())) {
			assertThat(stand.getBean(ContactRepository.class).findAll()).singleElement().satisfies((contact) -> {
				assertThat(contact.getId()).isEqualTo(id);
				assertThat(contact.getName()).isEqualTo("Ольга Орлова");
			});
		}
	}

	@Test
	void demoSeedLoadsAndItsApprovalAcceptsAChainOfItsContacts() {
		String approval = "035e0f7b-18d2-4f24-87d8-59f107110a01";
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), "config/demo-seed.yml")) {
			assertThat(stand.getBean(ContactRepository.class).count()).isEqualTo(5);
			assertThat(stand.getBean(ApprovalRepository.class).count()).isEqualTo(3);
			assertThat(approval(stand, approval).getName()).isEqualTo("Договор поставки № 17");
			assertThat(approval(stand, approval).getStatus()).isEqualTo(ApprovalStatus.NEW);
			elma(stand).createChain(approval,
					"ivan.petrov@example.com; maria.sidorova@example.com; anna.smirnova@example.com; test1@mail.com")
				.spec(success());
			ApprovalView view = new StandData(stand).approvalView(approval);
			assertThat(view.status()).isEqualTo("IN_PROGRESS");
			assertThat(view.current()).extracting(StepView::email)
				.containsExactly("ivan.petrov@example.com", "maria.sidorova@example.com", "anna.smirnova@example.com",
						"test1@mail.com");
		}
	}

	/**
	 * A reset loads the seed file again; one QA has broken or removed since the start
	 * resets nothing: the data, the journal and the fault rules stay as they were.
	 */
	@Test
	void resetWithASeedThatCanNoLongerBeLoadedLeavesTheStandAsItWas() throws IOException {
		Path seed = copy("seed/stand.yml", "stand.yml");
		try (ConfigurableApplicationContext stand = start(memoryDatabase(), seed.toString())) {
			ElmaClient elma = elma(stand);
			elma.createChain(APPROVAL, OLGA + ";" + PETR).spec(success());
			elma.resolve(APPROVAL, OLGA, APPROVED).spec(success());
			AdminClient admin = new AdminClient(port(stand));
			admin.given()
				.body("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500}")
				.post("/emulator/api/faults")
				.then()
				.statusCode(201);
			List<String> contacts = contacts(stand);
			ApprovalView inProgress = new StandData(stand).approvalView(APPROVAL);
			Files.writeString(seed, "approvals:\n  - name: Договор без номера\n", StandardCharsets.UTF_8);
			for (String scope : List.of("all", "data")) {
				admin.given()
					.queryParam("scope", scope)
					.post("/emulator/api/reset")
					.then()
					.statusCode(400)
					.body("detail", equalTo(seed + ": approvals[0] has no id"));
			}
			Files.delete(seed);
			admin.given()
				.post("/emulator/api/reset")
				.then()
				.statusCode(400)
				.body("detail", equalTo(seed + ": there is no such file"));
			assertThat(contacts(stand)).isEqualTo(contacts);
			assertThat(new StandData(stand).approvalView(APPROVAL)).isEqualTo(inProgress);
			admin.given().get("/emulator/api/journal").then().body("total", equalTo(2));
			admin.given().get("/emulator/api/faults").then().body("", hasSize(1));
		}
	}

	@Test
	void missingSeedFileStopsTheStart(CapturedOutput output) {
		String seed = this.directory.resolve("absent.yml").toString();
		assertThatException().isThrownBy(() -> start(memoryDatabase(), seed).close());
		assertThat(description(output)).isEqualTo(failurePrefix(seed) + "there is no such file");
	}

	@Test
	void missingRelativeSeedFileNamesTheFolderItWasLookedFor(CapturedOutput output) {
		String seed = "config/absent-seed.yml";
		assertThatException().isThrownBy(() -> start(memoryDatabase(), seed).close());
		assertThat(description(output))
			.isEqualTo(failurePrefix(seed) + "there is no such file in " + java.nio.file.Path.of("").toAbsolutePath()
					+ " (a relative path is read from the folder the stand was started in; start it from the project's "
					+ "folder, or give emulator.seed another path, or an empty one for no seed)");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					malformed.yml               | not valid YAML: expected <block end>, but found '<block sequence start>' (line 5, column 4)
					approval-without-id.yml     | approvals[0] has no id
					approval-id-not-a-guid.yml  | approvals[0]: id 123-123 is not a GUID
					email-twice.yml             | contacts[1] repeats the email of contacts[0]: IVAN.PETROV@example.com (emails are compared ignoring case)
					contact-id-twice.yml        | contacts[2] repeats the id of contacts[0]: 8a4c1f6e-2b7d-4c1e-9f3a-5d6e7f8a9b0c
					approval-twice.yml          | approvals[1] repeats the id of approvals[0]: 035e0f7b-18d2-4f24-87d8-59f107110a01
					key-twice.json              | "contacts" is given more than once (line 3, column 13)
					alias.yml                   | contacts[1].name: a YAML alias is not read in a seed; write out what it stands for (line 6, column 11)
					second-document.yml         | a second YAML document (after ---) follows the first; a seed is one document (line 6, column 1)
					windows-1251.yml            | not UTF-8 at line 4, column 11: a seed is read as UTF-8 (a file saved in windows-1251, say, is not)
					""")
	void brokenSeedStopsTheStart(String file, String problem, CapturedOutput output) {
		String seed = "classpath:seed/broken/" + file;
		assertThatException().isThrownBy(() -> start(memoryDatabase(), seed).close());
		assertThat(description(output)).startsWith(failurePrefix(seed)).contains(problem).doesNotContain("\n");
	}

	@Test
	void contactWithIdWhoseEmailBelongsToAnotherContactStopsTheStart(CapturedOutput output) throws IOException {
		String[] database = fileDatabase();
		String email;
		UUID owner;
		try (ConfigurableApplicationContext stand = start(database, "")) {
			email = new StandData(stand).contact("olga");
			owner = contact(stand, email).getId();
		}
		String seed = write("stand.yml", """
				contacts:
				  - id: %s
				    email: %s
				    name: Ольга Орлова
				""".formatted(UUID.randomUUID(), email)).toString();
		assertThatException().isThrownBy(() -> start(database, seed).close());
		assertThat(description(output)).startsWith(failurePrefix(seed))
			.contains("contacts[0]", email, owner.toString());
	}

	@Test
	void authorThatIsNotAGuidStopsTheStartEvenForAContactThatExists(CapturedOutput output) throws IOException {
		String[] database = fileDatabase();
		String email;
		try (ConfigurableApplicationContext stand = start(database, "")) {
			email = new StandData(stand).contact("olga");
		}
		String seed = write("stand.yml", """
				contacts:
				  - email: %s
				    name: Ольга Орлова
				    createdById: Supervisor
				""".formatted(email)).toString();
		assertThatException().isThrownBy(() -> start(database, seed).close());
		assertThat(description(output))
			.isEqualTo(failurePrefix(seed) + "contacts[0].createdById Supervisor is not a GUID");
	}

	@Test
	void newApprovalWithAVisaIdOfAnotherApprovalStopsTheStart(CapturedOutput output) throws IOException {
		String[] database = fileDatabase();
		String visa;
		try (ConfigurableApplicationContext stand = start(database, "")) {
			StandData data = new StandData(stand);
			String approval = data.approval();
			String approver = data.contact("olga");
			elma(stand).createChain(approval, approver).spec(success());
			visa = data.approvalView(approval).steps().get(0).id().toString();
		}
		String seed = write("stand.yml", """
				contacts:
				  - email: petr.sokolov@example.com
				approvals:
				  - id: %s
				    status: InProgress
				    steps:
				      - id: %s
				        round: 1
				        position: 1
				        approver: petr.sokolov@example.com
				        status: Pending
				""".formatted(UUID.randomUUID(), visa)).toString();
		assertThatException().isThrownBy(() -> start(database, seed).close());
		assertThat(description(output)).startsWith(failurePrefix(seed))
			.contains("approvals[0].steps[0]: the visa id " + visa + " belongs to another approval");
	}

	private static void assertStandSeeded(ConfigurableApplicationContext stand) {
		assertThat(stand.getBean(ContactRepository.class).count()).isEqualTo(2);
		Contact olga = stand.getBean(ContactRepository.class).findById(OLGA_ID).orElseThrow();
		assertThat(olga.getEmail()).isEqualTo(OLGA);
		assertThat(olga.getName()).isEqualTo("Ольга Орлова");
		assertThat(olga.getGivenName()).isEqualTo("Ольга");
		assertThat(olga.getSurname()).isEqualTo("Орлова");
		Contact petr = contact(stand, PETR);
		assertThat(petr.getName()).isEqualTo("Пётр Соколов");
		assertThat(petr.getGivenName()).isEqualTo("Пётр");
		assertThat(petr.getSurname()).isEqualTo("Соколов");
		Approval approval = approval(stand);
		assertThat(approval.getName()).isEqualTo("Договор аренды № 3");
		assertThat(approval.getStatus()).isEqualTo(ApprovalStatus.NEW);
		ElmaClient elma = elma(stand);
		elma.createChain(APPROVAL, "olga.orlova@example.com; PETR.SOKOLOV@example.com").spec(success());
		elma.resolve(APPROVAL, OLGA, APPROVED).spec(success());
		ApprovalView view = new StandData(stand).approvalView(APPROVAL);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.steps()).extracting(StepView::email).containsExactly(OLGA, PETR);
		assertThat(view.steps()).extracting(StepView::status).containsExactly("APPROVED", "PENDING");
	}

	private static ConfigurableApplicationContext start(String[] database, String seed) {
		List<String> arguments = new ArrayList<>(List.of(database));
		arguments.add("--server.port=0");
		arguments.add("--emulator.seed=" + seed);
		return new SpringApplicationBuilder(EmulatorApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	private static String[] memoryDatabase() {
		return TestDatabase.newDatabase();
	}

	private String[] fileDatabase() {
		return TestDatabase.newDatabase(this.directory);
	}

	private static ElmaClient elma(ConfigurableApplicationContext stand) {
		return new ElmaClient(port(stand));
	}

	private static int port(ConfigurableApplicationContext stand) {
		return stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** Every contact as id, email and name, sorted. */
	private static List<String> contacts(ConfigurableApplicationContext stand) {
		return stand.getBean(ContactRepository.class)
			.findAll()
			.stream()
			.map((contact) -> contact.getId() + " " + contact.getEmail() + " " + contact.getName())
			.sorted()
			.toList();
	}

	private static Contact contact(ConfigurableApplicationContext stand, String email) {
		return stand.getBean(ContactRepository.class).findByEmailKey(Contact.emailKey(email)).orElseThrow();
	}

	private static Approval approval(ConfigurableApplicationContext stand) {
		return approval(stand, APPROVAL);
	}

	private static Approval approval(ConfigurableApplicationContext stand, String id) {
		return stand.getBean(ApprovalRepository.class).findById(UUID.fromString(id)).orElseThrow();
	}

	private Path copy(String resource, String name) throws IOException {
		Path target = this.directory.resolve(name);
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			Files.copy(in, target);
		}
		return target;
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

	private static String failurePrefix(String seed) {
		return "The seed " + seed + " (emulator.seed) cannot be loaded: ";
	}

	/** The description of the last failure analysis printed, without its heading. */
	private static String description(CapturedOutput output) {
		String text = output.getAll();
		int failure = text.lastIndexOf("APPLICATION FAILED TO START");
		assertThat(failure).as("a failure analysis in the output").isNotNegative();
		int description = text.indexOf("Description:", failure);
		int action = text.indexOf("Action:", failure);
		assertThat(description).as("its description").isNotNegative().isLessThan(action);
		return text.substring(description + "Description:".length(), action).strip();
	}

}
