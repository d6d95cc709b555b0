package dev.ferry.cli;

import picocli.CommandLine.Command;

@Command(name = "restorecommand")
final class RestoreCommand implements Runnable {
    @Override
    public void run() {
    }
}
