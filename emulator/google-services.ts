/**
 * Adds FormApp, Drive, Docs, Classroom and MailApp to a workspace: their globals, their
 * controllers (workspace.forms, .drive, .classroom, .mail) and their share of toJSON/fromJSON.
 * Drive file contents (documents, forms, uploads) are plain data and persist with the files.
 */
import { ClassroomController, createClassroomService } from './classroom';
import { createDocsService } from './docs';
import { createDriveService, DriveController } from './drive';
import { createFormApp, FormsController } from './forms';
import { createMailApp, MailController, SentEmail } from './mail';
import type { Workspace } from './workspace';

declare module './workspace' {
  interface WorkspaceOptions {
    /**
     * false: the Classroom advanced service is not enabled in the project, so the global
     * `Classroom` is undefined (as @types declares it may be). Default true.
     */
    classroomEnabled?: boolean;
  }

  interface Workspace {
    /** People filling in forms: submitAsUser, fireDuplicate, fireBlankEvent; domainAllowsRequireLogin. */
    readonly forms: FormsController;
    /** Files the app cannot see (addUserFile), the Picker (pickFile), sharing policy (restrictSharing). */
    readonly drive: DriveController;
    /** seedCourse, setSubmissionState, apiDisabled. */
    readonly classroom: ClassroomController;
    /** outbox, setRemainingDailyQuota, resetDailyQuota. */
    readonly mail: MailController;
  }
}

export interface GoogleServiceOptions {
  classroomEnabled?: boolean;
}

export function installGoogleServices(workspace: Workspace, options: GoogleServiceOptions = {}): void {
  const ctx = workspace.ctx;
  const forms = new FormsController(ctx);
  const drive = new DriveController(ctx);
  const classroom = new ClassroomController(ctx);
  const mail = new MailController(ctx);
  // MailApp's outbox is the workspace's, which the workspace already persists.
  mail.useOutbox(workspace.outbox as unknown as SentEmail[]);

  workspace.registerGlobal('FormApp', createFormApp(ctx));
  workspace.registerGlobal('Drive', createDriveService(ctx));
  workspace.registerGlobal('Docs', createDocsService(ctx));
  // Registered as undefined (not left out) so install() also clears one left by an earlier workspace.
  workspace.registerGlobal('Classroom', options.classroomEnabled === false ? undefined : createClassroomService(ctx));
  workspace.registerGlobal('MailApp', createMailApp(ctx));

  for (const [name, controller] of Object.entries({ forms, drive, classroom, mail })) {
    Object.defineProperty(workspace, name, { value: controller, enumerable: false });
  }

  workspace.registerState('forms', { save: () => forms.toJSON(), load: (data) => forms.fromJSON(data as never) });
  workspace.registerState('drive', { save: () => drive.toJSON(), load: (data) => drive.fromJSON(data as never) });
  workspace.registerState('classroom', { save: () => classroom.toJSON(), load: (data) => classroom.fromJSON(data as never) });
  workspace.registerState('mailQuota', {
    save: () => mail.remainingDailyQuota,
    load: (data) => mail.setRemainingDailyQuota(typeof data === 'number' ? data : 1500),
  });
}
