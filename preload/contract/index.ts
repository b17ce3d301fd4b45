export * from './api';
export * from './domain';
export * from './errors';
export * from './events';
export * from './methods';
export * from './analystTypes';
export * from './importTypes';
export * from './runTypes';
