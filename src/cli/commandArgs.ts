/**
 * The argument handling the subcommands that parse their own flags share: node's parseArgs, a
 * usage error that points at the command's --help, and --help itself.
 */
import { parseArgs, ParseArgsConfig } from "node:util";
import { CliError, CliIo, EXIT } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>>;

/** The parsed flags, or undefined when --help was asked for (the help is printed then). */
export function parseCommand<const T extends Options>(command: string, args: string[], options: T, help: string, io: CliIo): Parsed<T> | undefined {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    throw new CliError(`${(e as Error).message.split("\n")[0]} (prodbook ${command} --help)`, EXIT.usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return undefined;
  }
  return parsed;
}
