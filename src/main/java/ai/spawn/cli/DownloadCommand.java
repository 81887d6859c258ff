package ai.spawn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "download", description = {"Save the files of an app's current version as a zip.",
    "Without -o, the file is named as the server suggests, in the current directory, and is not overwritten."})
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    SpawnAiCli root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "the app's id")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to save the zip (overwritten)")
    Path output;

    @Override
    public Integer call() {
        CliEnvironment env = root.env();
        ApiClient.Download zip = common.connect(env).download(ApiClient.appPath(id, "/download"));
        Path target = output;
        if (target == null) {
            Path suggested = zip.filename() == null ? null : Path.of(zip.filename()).getFileName();
            target = suggested == null || suggested.toString().startsWith(".") ? Path.of(id + ".zip") : suggested;
            if (Files.exists(target)) {
                throw CliException.usage(target + " exists already; choose another name with -o FILE");
            }
        }
        try {
            Files.write(target, zip.bytes());
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILED, "cannot write " + target + ": " + e.getMessage());
        }
        if (!common.printedJson(env, Json.mapper().createObjectNode().put("id", id)
                .put("file", target.toAbsolutePath().toString()).put("bytes", zip.bytes().length))) {
            env.out().println("saved " + target + " (" + zip.bytes().length + " bytes)");
        }
        return ExitCode.OK;
    }
}
