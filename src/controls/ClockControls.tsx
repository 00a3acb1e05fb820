import { useEffect, useState } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { setSpeed, SPEEDS } from '../actions/setSpeed';
import { describeKeys, shortcutHint } from '../actions/shortcuts';
import { useUi } from '../app/UiContext';
import { useClusterSession } from '../cluster/ClusterContext';
import { PauseIcon, PlayIcon } from './icons';
import { clockModeLabel, formatClock } from './speedLabel';
import { NarrationToast } from './NarrationToast';
import { StepControls } from './StepControls';
import { TimeTravelBanner } from './TimeTravelBanner';
import { ToolbarButton } from './ToolbarButton';
import './controls.css';

/** The key bound to a speed, from setSpeed's own bindings. */
function speedKey(speed: number): string | undefined {
  const b = setSpeed.shortcuts?.find((s) => s.input.speed === speed);
  return b ? describeKeys(b.keys) : undefined;
}

const POLL_MS = 500;

/** The cluster's virtual time, read from the worker twice a second. */
function ClockReadout() {
  const session = useClusterSession();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const tick = () => {
      session.client.clock().then(
        (c) => alive && setNow(c.now),
        () => {},
      );
    };
    tick();
    const id = setInterval(tick, POLL_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [session]);
  return (
    <span className="clock-readout" title="Cluster time (UTC): virtual time, as the controllers and kubelets see it" data-testid="clock-time">
      {now === null ? '--:--:--' : formatClock(now)}
    </span>
  );
}

/** Pause, step, resume and speed: the learner's hand on the cluster's clock. */
export function ClockControls() {
  const run = useRunAction();
  const mode = useUi((s) => s.clockMode);
  const paused = mode.kind === 'paused';
  const speed = mode.kind === 'realtime' ? mode.speed : null;
  return (
    <div className="clock-controls" role="group" aria-label={`Cluster clock: ${clockModeLabel(mode)}`} data-testid="clock-controls" data-mode={clockModeLabel(mode)}>
      <ToolbarButton
        label={paused ? 'Resume' : 'Pause'}
        shortcut={shortcutHint('togglePause')}
        pressed={paused}
        onClick={() => void run(paused ? 'resume' : 'pause')}
        testId="clock-pause"
        className="tb-icon"
      >
        {paused ? <PlayIcon /> : <PauseIcon />}
      </ToolbarButton>
      <StepControls />
      <div className="speed-group">
        {SPEEDS.map((s) => (
          <ToolbarButton
            key={s}
            label={`Run at ${s}× speed`}
            shortcut={speedKey(s)}
            pressed={!paused && speed === s}
            onClick={() => void run('setSpeed', { speed: s })}
            testId={`speed-${s}`}
            className="tb-speed"
          >
            {s}×
          </ToolbarButton>
        ))}
      </div>
      <ClockReadout />
      <TimeTravelBanner />
      <NarrationToast />
    </div>
  );
}
