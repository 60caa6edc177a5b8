export function main(args: string[]): void {
  void args;
  process.stdout.write('lunet: not yet implemented\n');
}
