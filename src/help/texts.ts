// The AWS CLI's own help texts (not the service model's): the top-level page, the options every
// operation gets (--cli-input-json/yaml, --generate-cli-skeleton) and the pagination options.
// Light markup as in the generated docs: paragraphs separated by a blank line, `code`, *emphasis*.

export const AWS_DESCRIPTION = 'The AWS Command Line Interface is a unified tool to manage your AWS services.';

export const AWS_SYNOPSIS = 'aws [options] <command> <subcommand> [parameters]';

export const AWS_HELP_USAGE =
  'Use *aws command help* for information on a specific command. Use *aws help topics* to view a list of ' +
  'available help topics. The synopsis for each command shows its parameters and their usage. Optional ' +
  'parameters are shown in square brackets.';

export const CLI_INPUT_HELP =
  'Reads arguments from the JSON string provided. The JSON string follows the format provided by ' +
  '`--generate-cli-skeleton`. If other arguments are provided on the command line, those values will override ' +
  'the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as ' +
  'the string will be taken literally. This may not be specified along with `--cli-input-yaml`.';

export const GENERATE_CLI_SKELETON_HELP =
  'Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the ' +
  'value `input`, prints a sample input JSON that can be used as an argument for `--cli-input-json`. Similarly, ' +
  'if provided `yaml-input` it will print a sample input YAML that can be used with `--cli-input-yaml`. If ' +
  'provided with the value `output`, it validates the command inputs and returns a sample output JSON for that ' +
  'command. The generated JSON skeleton is not stable between versions of the AWS CLI and there are no backwards ' +
  'compatibility guarantees in the JSON skeleton generated.';

const PAGINATION_SEE_ALSO =
  'For usage examples, see Pagination in the *AWS Command Line Interface User Guide* .';

export const STARTING_TOKEN_HELP =
  'A token to specify where to start paginating. This is the `NextToken` from a previously truncated response.' +
  `\n\n${PAGINATION_SEE_ALSO}`;

export const PAGE_SIZE_HELP =
  'The size of each page to get in the AWS service call. This does not affect the number of items returned in ' +
  "the command's output. Setting a smaller page size results in more calls to the AWS service, retrieving fewer " +
  'items in each call. This can help prevent the AWS service calls from timing out.' +
  `\n\n${PAGINATION_SEE_ALSO}`;

export const MAX_ITEMS_HELP =
  "The total number of items to return in the command's output. If the total number of items available is more " +
  "than the value specified, a `NextToken` is provided in the command's output. To resume pagination, provide the " +
  '`NextToken` value in the `starting-token` argument of a subsequent command. *Do not* use the `NextToken` ' +
  'response element directly outside of the AWS CLI.' +
  `\n\n${PAGINATION_SEE_ALSO}`;
