package io.pushbench.bench.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pushbench.bench.cli.PushbenchCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container image and Kubernetes manifests under {@code deploy/}, checked without a cluster or a Docker engine:
 * every manifest parses; every argument a container passes is an option of that pushbench subcommand (asked of
 * picocli's own command spec) and parses with the variables Kubernetes substitutes; every {@code $(VAR)} is defined;
 * the Indexed Job's completions, its {@code --shard K/N} and the merge's folders agree; {@code kubectl kustomize}
 * renders the set where kubectl is installed.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Z_]+)\\)");
    /** What Kubernetes would put in for each variable, for parsing the arguments as the pod would see them. */
    private static final Map<String, String> SAMPLE = Map.of("JOB_COMPLETION_INDEX", "2", "START_AT",
            "2099-01-01T00:00:00Z", "PUBLISH_TOKEN", "t0ken");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyArgumentIsARealOptionOfItsSubcommandAndParses() throws IOException {
        List<JsonNode> containers = containers();
        assertThat(containers).extracting(c -> c.path("name").asText()).containsExactlyInAnyOrder("server", "shard", "merge");
        for (JsonNode c : containers) {
            List<String> args = new ArrayList<>();
            c.path("args").forEach(a -> args.add(a.asText()));
            CommandLine sub = PushbenchCommand.commandLine().getSubcommands().get(args.get(0));
            assertThat(sub).as("subcommand %s of container %s", args.get(0), c.path("name").asText()).isNotNull();
            Map<String, String> env = new HashMap<>();
            c.path("env").forEach(e -> env.put(e.path("name").asText(), SAMPLE.getOrDefault(e.path("name").asText(), "x")));
            List<String> substituted = new ArrayList<>();
            for (String arg : args.subList(1, args.size())) {
                if (arg.startsWith("--")) {
                    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    assertThat(sub.getCommandSpec().findOption(name)).as("%s %s", args.get(0), name).isNotNull();
                }
                Matcher m = VARIABLE.matcher(arg);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    assertThat(env).as("$(%s) in %s is defined in the container's env", m.group(1), arg).containsKey(m.group(1));
                    m.appendReplacement(out, env.get(m.group(1)));
                }
                m.appendTail(out);
                substituted.add(out.toString());
            }
            // picocli parses them as the pod's JVM would (types, arity, unknown options)
            substituted.add(0, args.get(0));
            CommandLine.ParseResult parsed = PushbenchCommand.commandLine().parseArgs(substituted.toArray(String[]::new));
            assertThat(parsed.subcommand().unmatched()).as("unmatched arguments of %s", args.get(0)).isEmpty();
        }
    }

    @Test
    void indexedJobShardCountAndMergeFoldersAgree() throws IOException {
        JsonNode job = document("shards-job.yaml", "Job");
        int completions = job.path("spec").path("completions").asInt();
        assertThat(job.path("spec").path("completionMode").asText()).isEqualTo("Indexed");
        assertThat(job.path("spec").path("parallelism").asInt()).isEqualTo(completions);
        List<String> shardArgs = args(job);
        assertThat(shardArgs).contains("--shard=$(JOB_COMPLETION_INDEX)/" + completions,
                "--out=/results/shard-$(JOB_COMPLETION_INDEX)");
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < completions; k++) {
            expected.add("/results/shard-" + k);
        }
        assertThat(args(document("merge-job.yaml", "Job"))).containsSubsequence(expected);
        // every shard reaches the server through its Service
        JsonNode service = document("server.yaml", "Service");
        String authority = service.path("metadata").path("name").asText() + ":" + service.path("spec").path("ports").get(0).path("port").asInt();
        assertThat(shardArgs).contains("--shard-server=" + authority).anyMatch(a -> a.contains("//" + authority + "/"));
    }

    @Test
    void imageRunsTheJarAsANonRootUserOnAJlinkedRuntime() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);
        assertThat(dockerfile).contains("jlink --add-modules ").contains("USER 10001")
                .contains("ENTRYPOINT [\"/opt/java/bin/java\", \"-jar\", \"/opt/pushbench/pushbench.jar\"]")
                .contains("COPY --from=build /src/bench/target/pushbench.jar /opt/pushbench/pushbench.jar");
        for (JsonNode c : containers()) {
            assertThat(c.path("image").asText()).startsWith("pushbench:");
        }
    }

    @Test
    void kubectlKustomizeRendersTheManifestsOffline() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl not installed");
        Process p = new ProcessBuilder("kubectl", "kustomize", DEPLOY.resolve("k8s").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kind: Deployment", "kind: Service", "kind: Job", "kind: PersistentVolumeClaim");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(DEPLOY.resolve("k8s").resolve(file).toFile())) {
            it.forEachRemaining(docs::add);
        }
        return docs;
    }

    private static JsonNode document(String file, String kind) throws IOException {
        return documents(file).stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst().orElseThrow();
    }

    private static List<JsonNode> containers() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String file : List.of("server.yaml", "shards-job.yaml", "merge-job.yaml")) {
            for (JsonNode d : documents(file)) {
                d.path("spec").path("template").path("spec").path("containers").forEach(all::add);
            }
        }
        return all;
    }

    private static List<String> args(JsonNode workload) {
        List<String> args = new ArrayList<>();
        workload.path("spec").path("template").path("spec").path("containers").get(0).path("args").forEach(a -> args.add(a.asText()));
        return args;
    }
}
