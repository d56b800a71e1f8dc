// /xong <code> (the result is ready) and /tra <code> (handed back to the citizen).
import type { CommandSpec } from '../conversation/types.js';
import { dossierForOfficial } from './access.js';
import { changeDossierStatus, type StatusChange } from './status.js';
import { deskOfficials } from '../accounts/roles.js';

function statusCommand(name: 'xong' | 'tra', status: StatusChange): CommandSpec {
  return {
    name,
    roles: deskOfficials,
    summary: `dossier-cmd-${name}`,
    async run(ctx, args) {
      const found = await dossierForOfficial(ctx, args, `dossier-usage-${name}`);
      const result = await changeDossierStatus(ctx.services, found.id, status, { actorId: ctx.account.id });
      const { dossier } = result;
      if (!result.changed) return [{ text: ctx.t('dossier-status-unchanged', { code: dossier.code, status: dossier.status }) }];
      return [
        {
          text: ctx.t(`dossier-${status}-ok`, {
            code: dossier.code,
            outcome: dossier.outcome ?? 'none',
            told: result.followerTold ? 'yes' : 'no',
          }),
        },
      ];
    },
  };
}

export const doneCommand = statusCommand('xong', 'done');
export const returnedCommand = statusCommand('tra', 'returned');
