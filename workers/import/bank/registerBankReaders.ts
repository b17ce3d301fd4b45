// Filled in by the bank format modules.
