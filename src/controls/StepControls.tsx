import { useRunAction } from '../actions/ActionsContext';
import { shortcutHint } from '../actions/shortcuts';
import { useClusterState } from '../cluster/ClusterContext';
import { IdleIcon, StepIcon, StepObjectIcon, StepWriteIcon } from './stepIcons';
import { ToolbarButton } from './ToolbarButton';

/** Step one task, to the next write, until the selection changes, until idle (each pauses the clock first). */
export function StepControls() {
  const run = useRunAction();
  const selected = useClusterState((s) => s.selected);
  const untilLabel = selected ? `Step until ${selected.kind} ${selected.name} changes` : 'Step until the selected object changes (select one first)';
  return (
    <div className="step-group" role="group" aria-label="Step">
      <ToolbarButton label="Step one task" shortcut={shortcutHint('stepTask')} onClick={() => void run('stepTask')} testId="step-task" className="tb-icon">
        <StepIcon />
      </ToolbarButton>
      <ToolbarButton label="Step to the next write" shortcut={shortcutHint('stepToWrite')} onClick={() => void run('stepToWrite')} testId="step-write" className="tb-icon">
        <StepWriteIcon />
      </ToolbarButton>
      <ToolbarButton
        label={untilLabel}
        shortcut={shortcutHint('stepUntilChanged')}
        onClick={() => void run('stepUntilChanged')}
        testId="step-object"
        className={`tb-icon${selected ? '' : ' is-idle'}`}
      >
        <StepObjectIcon />
      </ToolbarButton>
      <ToolbarButton label="Run until idle" shortcut={shortcutHint('runUntilIdle')} onClick={() => void run('runUntilIdle')} testId="step-idle" className="tb-icon">
        <IdleIcon />
      </ToolbarButton>
    </div>
  );
}
