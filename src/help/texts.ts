// The AWS CLI's own help texts (not the service model's), as awscli 2.36.7 carries them: the
// top-level page's (awscli/data/cli.json), the global options' reStructuredText
// (awscli/examples/global_options.rst and global_synopsis.rst, which it includes in every operation
// page), and the help of the options it adds to operations (customizations/cliinput.py,
// generatecliskeleton.py, paginate.py). HTML or reStructuredText, as there.

/** awscli/examples/global_options.rst. */
export const GLOBAL_OPTIONS_RST = [
  '``--debug`` (boolean)',
  '  ',
  '  Turn on debug logging.',
  '  ',
  '``--endpoint-url`` (string)',
  '  ',
  '  Override command\'s default URL with the given URL.',
  '  ',
  '``--no-verify-ssl`` (boolean)',
  '  ',
  '  By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.',
  '  ',
  '``--no-paginate`` (boolean)',
  '  ',
  '  Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results.',
  '  ',
  '``--output`` (string)',
  '  ',
  '  The formatting style for command output.',
  '  ',
  '  ',
  '  *   json',
  '  ',
  '  *   text',
  '  ',
  '  *   table',
  '  ',
  '  *   yaml',
  '  ',
  '  *   yaml-stream',
  '  ',
  '  *   off',
  '  ',
  '  ',
  '``--query`` (string)',
  '  ',
  '  A JMESPath query to use in filtering the response data.',
  '  ',
  '``--profile`` (string)',
  '  ',
  '  Use a specific profile from your credential file.',
  '  ',
  '``--region`` (string)',
  '  ',
  '  The region to use. Overrides config/env settings.',
  '  ',
  '``--version`` (string)',
  '  ',
  '  Display the version of this tool.',
  '  ',
  '``--color`` (string)',
  '  ',
  '  Turn on/off color output.',
  '  ',
  '  ',
  '  *   on',
  '  ',
  '  *   off',
  '  ',
  '  *   auto',
  '  ',
  '  ',
  '``--no-sign-request`` (boolean)',
  '  ',
  '  Do not sign requests. Credentials will not be loaded if this argument is provided.',
  '  ',
  '``--ca-bundle`` (string)',
  '  ',
  '  The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.',
  '  ',
  '``--cli-read-timeout`` (int)',
  '  ',
  '  The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.',
  '  ',
  '``--cli-connect-timeout`` (int)',
  '  ',
  '  The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.',
  '  ',
  '``--cli-binary-format`` (string)',
  '  ',
  '  The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob ``fileb://`` will always be treated as binary and use the file contents directly regardless of the ``cli-binary-format`` setting. When using ``file://`` the file contents will need to properly formatted for the configured ``cli-binary-format``.',
  '  ',
  '  ',
  '  *   base64',
  '  ',
  '  *   raw-in-base64-out',
  '  ',
  '  ',
  '``--no-cli-pager`` (boolean)',
  '  ',
  '  Disable cli pager for output.',
  '  ',
  '``--cli-auto-prompt`` (boolean)',
  '  ',
  '  Automatically prompt for CLI input parameters.',
  '  ',
  '``--no-cli-auto-prompt`` (boolean)',
  '  ',
  '  Disable automatically prompt for CLI input parameters.',
  '  ',
  '``--cli-error-format`` (string)',
  '  ',
  '  The formatting style for error output. By default, errors are displayed in enhanced format.',
  '  ',
  '  ',
  '  *   legacy',
  '  ',
  '  *   json',
  '  ',
  '  *   yaml',
  '  ',
  '  *   text',
  '  ',
  '  *   table',
  '  ',
  '  *   enhanced',
  '  ',
  '  ',
].join('\n') + '\n';

/** awscli/examples/global_synopsis.rst. */
export const GLOBAL_SYNOPSIS_RST = [
  '[--debug]',
  '[--endpoint-url <value>]',
  '[--no-verify-ssl]',
  '[--no-paginate]',
  '[--output <value>]',
  '[--query <value>]',
  '[--profile <value>]',
  '[--region <value>]',
  '[--version <value>]',
  '[--color <value>]',
  '[--no-sign-request]',
  '[--ca-bundle <value>]',
  '[--cli-read-timeout <value>]',
  '[--cli-connect-timeout <value>]',
  '[--cli-binary-format <value>]',
  '[--no-cli-pager]',
  '[--cli-auto-prompt]',
  '[--no-cli-auto-prompt]',
  '[--cli-error-format <value>]',
].join('\n') + '\n';

export const AWS_DESCRIPTION = "The AWS Command Line Interface is a unified tool to manage your AWS services.";

export const AWS_SYNOPSIS = "aws [options] <command> <subcommand> [parameters]";

export const AWS_HELP_USAGE = "Use *aws command help* for information on a specific command. Use *aws help topics* to view a list of available help topics. The synopsis for each command shows its parameters and their usage. Optional parameters are shown in square brackets.";

export const CLI_INPUT_JSON_HELP =
  'Reads arguments from the JSON string provided. The JSON string ' +
  'follows the format provided by ``--generate-cli-skeleton``. If ' +
  'other arguments are provided on the command line, those values ' +
  'will override the JSON-provided values. It is not possible to ' +
  'pass arbitrary binary values using a JSON-provided value as the ' +
  'string will be taken literally. This may not be specified along ' +
  'with ``--cli-input-yaml``.';

export const CLI_INPUT_YAML_HELP =
  'Reads arguments from the YAML string provided. The YAML string ' +
  'follows the format provided by ' +
  '``--generate-cli-skeleton yaml-input``. ' +
  'If other arguments are provided on the command line, those ' +
  'values will override the YAML-provided values. This may not be ' +
  'specified along with ``--cli-input-json``.';

export const GENERATE_CLI_SKELETON_HELP =
  'Prints a JSON skeleton to standard output without sending ' +
  'an API request. If provided with no value or the value ' +
  '``input``, prints a sample input JSON that can be used as an ' +
  'argument for ``--cli-input-json``. Similarly, if provided ' +
  '``yaml-input`` it will print a sample input YAML that can be ' +
  'used with ``--cli-input-yaml``. If provided with the value ' +
  '``output``, it validates the command inputs and returns a ' +
  'sample output JSON for that command. ' +
  'The generated JSON skeleton is not stable between versions ' +
  'of the AWS CLI and there are no backwards compatibility ' +
  'guarantees in the JSON skeleton generated.';

export const STARTING_TOKEN_HELP = "\n<p>A token to specify where to start paginating.  This is the\n<code>NextToken</code> from a previously truncated response.</p>\n<p>For usage examples, see <a\nhref=\"https://docs.aws.amazon.com/cli/latest/userguide/pagination.html\"\n>Pagination</a> in the <i>AWS Command Line Interface User\nGuide</i>.</p>\n";

export const MAX_ITEMS_HELP = "\n<p>The total number of items to return in the command's output.\nIf the total number of items available is more than the value\nspecified, a <code>NextToken</code> is provided in the command's\noutput.  To resume pagination, provide the\n<code>NextToken</code> value in the <code>starting-token</code>\nargument of a subsequent command.  <b>Do not</b> use the\n<code>NextToken</code> response element directly outside of the\nAWS CLI.</p>\n<p>For usage examples, see <a\nhref=\"https://docs.aws.amazon.com/cli/latest/userguide/pagination.html\"\n>Pagination</a> in the <i>AWS Command Line Interface User\nGuide</i>.</p>\n";

export const PAGE_SIZE_HELP = "\n<p>The size of each page to get in the AWS service call.  This\ndoes not affect the number of items returned in the command's\noutput.  Setting a smaller page size results in more calls to\nthe AWS service, retrieving fewer items in each call.  This can\nhelp prevent the AWS service calls from timing out.</p>\n<p>For usage examples, see <a\nhref=\"https://docs.aws.amazon.com/cli/latest/userguide/pagination.html\"\n>Pagination</a> in the <i>AWS Command Line Interface User\nGuide</i>.</p>\n";
