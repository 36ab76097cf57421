"""`thaipr --help`, `--version` and every subcommand's help, as a newcomer reads them; a usage
error is one line naming the command, exit status 2."""

import argparse
import subprocess
import sys

import pytest

from thaipr.cli import EXIT_CODES, GROUPS, build_parser

THAIPR = [sys.executable, "-m", "thaipr"]
PARSER = build_parser()
COMMANDS = sorted(PARSER.subparsers)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, *args], capture_output=True, text=True, timeout=60)


def test_help_groups_every_command_with_an_example_and_lists_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0
    grouped = [name for _, commands in GROUPS for name, _ in commands]
    assert sorted(grouped) == COMMANDS  # every command has a group and an example
    for group in ("crawl", "data", "serve", "tools"):
        assert f"{group} commands:" in result.stdout
    for name, example in (c for _, commands in GROUPS for c in commands):
        assert f"  {name} " in result.stdout and f"e.g. {example}" in result.stdout
    assert "other commands:" not in result.stdout
    for code, meaning in EXIT_CODES:
        assert f"{code:<3}  {meaning}" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("thaipr ") and "extractor" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_and_option_has_a_one_line_description(command: str) -> None:
    assert PARSER.commands[command], f"{command} has no description"
    sub = PARSER.subparsers[command]
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = "/".join(action.option_strings) or action.dest
        assert action.help and action.help != argparse.SUPPRESS, f"{command} {name}: no help"
    assert run(command, "--help").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "thaipr: the following arguments are required: COMMAND"),
        (("crawel",), "thaipr: argument COMMAND: invalid choice: 'crawel'"),
        (("crawl", "--bogus"), "thaipr crawl: unrecognized arguments: --bogus"),
        (("query", "--data", "x"), "thaipr query: the following arguments are required: sql"),
    ],
)
def test_a_usage_error_is_one_line(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
