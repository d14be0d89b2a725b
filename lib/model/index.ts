export * from './dates';
export * from './deal';
export * from './finding';
export * from './playbook';
export * from './benchmarks';
export * from './settings';
