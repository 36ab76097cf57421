"""The `thaipr` subcommands, one module per group; each adds its parsers to the command line."""
