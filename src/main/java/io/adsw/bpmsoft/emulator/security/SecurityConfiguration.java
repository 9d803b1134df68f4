package io.adsw.bpmsoft.emulator.security;

import java.time.Clock;

import io.adsw.bpmsoft.emulator.elma.ElmaAnswers;
import io.adsw.bpmsoft.emulator.elma.ElmaProperties;
import io.adsw.bpmsoft.emulator.elma.ElmaTransportFilter;
import io.adsw.bpmsoft.emulator.fault.FaultInjector;
import io.adsw.bpmsoft.emulator.fault.Faults;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.adsw.bpmsoft.emulator.journal.JournalProperties;
import io.adsw.bpmsoft.emulator.journal.JournalRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The stand's filter chains. ElmaService has its own: stateless, no CSRF, no session,
 * only the {@code X-Elma-Service} key, as on the real stand. Everything else falls to the
 * stand chain.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMIN = "ADMIN";

	@Bean
	@Order(1)
	SecurityFilterChain elmaServiceChain(HttpSecurity http, ElmaProperties properties, ElmaAnswers answers,
			Journal journal, JournalProperties journalProperties, Faults faults, JsonMapper jsonMapper, Clock clock,
			MeterRegistry meters) {
		ElmaForbiddenHandler forbidden = new ElmaForbiddenHandler(answers);
		ElmaServiceKeyFilter keyFilter = new ElmaServiceKeyFilter(properties.serviceKey());
		// In order: the journal sees every request and answer; then the web server's
		// checks; then
		// fault rules, which make the stand misbehave whatever ELMA sends; then the key.
		return http.securityMatcher("/ServiceModel/ElmaService.svc/**")
			.addFilterBefore(
					new JournalRecorder(journal, journalProperties, keyFilter::outcome, jsonMapper, clock, meters),
					DisableEncodeUrlFilter.class)
			.addFilterAfter(new ElmaTransportFilter(answers), JournalRecorder.class)
			.addFilterAfter(new FaultInjector(faults, answers), ElmaTransportFilter.class)
			.addFilterBefore(keyFilter, AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(ElmaServiceKeyFilter.ROLE))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(forbidden).accessDeniedHandler(forbidden))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain standChain(HttpSecurity http, StandSecurityProperties properties) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(ADMIN)
			.requestMatchers("/0/odata/**", "/odata/**")
			.authenticated()
			.requestMatchers("/emulator/login.html", "/emulator/dashboard.css")
			.permitAll()
			.requestMatchers("/emulator/**")
			.hasRole(ADMIN)
			.anyRequest()
			.denyAll()).requestCache((cache) -> cache.disable()).csrf((csrf) -> csrf.disable());
		if (properties.httpBasic()) {
			http.httpBasic(Customizer.withDefaults());
		}
		return http.build();
	}

	@Bean
	UserDetailsService users(StandSecurityProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
