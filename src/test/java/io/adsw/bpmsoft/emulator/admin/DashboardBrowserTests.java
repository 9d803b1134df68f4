package io.adsw.bpmsoft.emulator.admin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;

/**
 * The dashboard in a real browser (Debian's Chromium, driven by Selenium): a QA engineer
 * signs in, sees ELMA's chain appear as steps, adds a fault rule on the page and sees the
 * next request fail as the rule says. Runs where Chromium and its driver are installed
 * ({@code .ci/run} installs them); the screenshot lands in {@code target/dashboard.png}.
 */
@StandTest
@Tag("browser")
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path profile;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1440,900", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
		// The rule the page added stays listed, spent: other tests of this stand list the
		// rules.
		this.context.getBean(AdminClient.class).given().delete("/emulator/api/faults").then().statusCode(204);
	}

	@Test
	void qaEngineerWatchesAChainAndBreaksTheNextResolution() throws IOException {
		StandData data = new StandData(this.context);
		ElmaClient elma = new ElmaClient(this.port);
		String approval = data.approval();
		String ivan = data.contact("ivan");
		String maria = data.contact("maria");
		for (int i = 0; i <= 100; i++) {
			data.approval();
		}

		this.browser.get("http://localhost:" + this.port + "/emulator/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name"))).sendKeys("Supervisor");
		this.browser.findElement(By.id("user-password")).sendKeys("Supervisor");
		this.browser.findElement(By.id("sign-in")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approvals")));

		elma.createChain(approval, ivan + ";" + maria).spec(success());
		By steps = By.cssSelector("[data-approval-id='" + approval + "'] [data-step-email]");
		// The page redraws itself as it follows the stand; read it whole, again if it
		// just changed.
		this.wait.until((page) -> attributes(steps, "data-step-email").equals(List.of(ivan, maria))
				&& attributes(steps, "data-step-status").equals(List.of("Pending", "Pending")));

		// The page shows the 100 approvals changed last and says how many there are; its
		// filter searches them all, by an approver's email, the whole id or part of the
		// name.
		this.wait
			.until((page) -> page.findElement(By.id("approval-count")).getText().matches("100 changed last of \\d+"));
		By shown = By.cssSelector("#approvals [data-approval-id]");
		for (String filter : List.of(maria.toUpperCase(), approval.toUpperCase(),
				"ДОГОВОР " + approval.substring(0, 8))) {
			WebElement field = this.browser.findElement(By.id("approval-filter"));
			field.clear();
			field.sendKeys(filter);
			this.wait.until((page) -> attributes(shown, "data-approval-id").equals(List.of(approval))
					&& page.findElement(By.id("approval-count")).getText().equals("1"));
		}
		this.browser.findElement(By.id("approval-filter")).clear();

		new Select(this.browser.findElement(By.id("fault-endpoint"))).selectByVisibleText("ChangeApproverResolution");
		this.browser.findElement(By.id("fault-status")).sendKeys("500");
		this.browser.findElement(By.id("fault-times")).sendKeys("1");
		this.browser.findElement(By.id("add-fault")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-fault-id]")));

		elma.resolve(approval, ivan, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#journal [data-answer-status]"), "500 " + Contract.INTERNAL_ERROR));
		elma.resolve(approval, ivan, "Согласовано").spec(success());
		this.wait.until(ExpectedConditions.attributeToBe(
				By.cssSelector("[data-approval-id='" + approval + "'] [data-step-email='" + ivan + "']"),
				"data-step-status", "Approved"));

		this.wait.until((page) -> {
			page.findElement(By.cssSelector("#journal tr.entry")).click();
			return true;
		});
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#journal tr.details pre")));
		screenshot();
	}

	private List<String> attributes(By elements, String attribute) {
		return this.browser.findElements(elements)
			.stream()
			.map((element) -> element.getDomAttribute(attribute))
			.toList();
	}

	private void screenshot() throws IOException {
		File shot = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "dashboard.png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		String copy = System.getProperty("dashboard.screenshot");
		if (copy != null) {
			Files.copy(shot.toPath(), Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
