# syntax=docker/dockerfile:1

# Build with the Maven wrapper on a JDK: the same command as a developer's, the same Java release.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/bpmsoft-emulator.jar extract --layers --destination /layers

# Run on a Temurin 25 JRE, as an unprivileged user, one layer per rate of change.
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system emulator \
 && useradd --system --gid emulator --home-dir /app --shell /usr/sbin/nologin emulator
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Stand configuration (dev and prod profiles) and seed files, read from ./config as Spring Boot does.
COPY config/ config/
COPY docker/idle-stand.options ./
# A JDK 25 AOT cache: the classes of a start and of the first requests, read and linked once here
# rather than at every start. Trained on an in-memory database, so the image holds no data; the
# cache only fits this image's JVM and jars, and a stand started without it starts as usual.
COPY docker/aot-training.sh /tmp/aot-training.sh
RUN sh /tmp/aot-training.sh java bpmsoft-emulator.jar app.aot \
 && rm /tmp/aot-training.sh \
 && mkdir data && chown emulator:emulator data
USER emulator
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# The JVM's own warnings go to stderr, so that commands printing to stdout (keygen, encrypt) print
# only their answer; the AOT cache reports only errors (JDK 25 warns about adapters it relinks).
# An idle stand gives back the memory it no longer uses (docker/idle-stand.options); under load
# those options change nothing (bench/RESULTS.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "@idle-stand.options", \
  "-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:aot*=error:stderr", \
  "-XX:AOTCache=app.aot", "-jar", "bpmsoft-emulator.jar"]
