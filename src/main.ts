/**
 * The bundle's entry: it only assigns entry points to `global`. gas-webpack-plugin turns each
 * assignment into a top-level function declaration, which is what Apps Script needs to find
 * menu items, triggers and google.script.run targets by name.
 */
import * as entry from './gas/entryPoints';

declare const global: Record<string, unknown>;

global.onOpen = entry.onOpen;
global.onInstall = entry.onInstall;
global.setUpRegister = entry.setUpRegister;
global.showSidebar = entry.showSidebar;
