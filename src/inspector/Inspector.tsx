/**
 * The inspector for the selected object: what it is and how it is doing
 * (header), and tabs for its YAML, status conditions, events, owners and
 * dependents, and for pods their containers and logs. Everything is read
 * from the mirrored store, so it stays live as the cluster changes.
 */
import { useCallback, useMemo, useState } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterState, useKind } from '../cluster/ClusterContext';
import { resourceForKind } from '../cluster/resources';
import type { SelectedObject } from '../cluster/store';
import type { KubeObject } from '../../workers/api/object';
import { browserKind } from '../browser/resourceKinds';
import { useEnsureMirrored } from '../browser/useEnsureMirrored';
import { BROWSER_KINDS } from '../browser/resourceKinds';
import { InspectorHeader } from './InspectorHeader';
import { Tabs, type TabSpec } from './Tabs';
import { containerRows, logContainerNames } from './model/containers';
import { eventRows } from './model/events';
import { dependentsOf, ownersOf } from './model/relations';
import { parseTime } from './model/time';
import { ContainersTab } from './tabs/ContainersTab';
import { EventsTab } from './tabs/EventsTab';
import { LogsTab } from './tabs/LogsTab';
import { RelationsTab } from './tabs/RelationsTab';
import { StatusTab } from './tabs/StatusTab';
import { YamlTab } from './tabs/YamlTab';
import { useVirtualNow } from './useVirtualNow';
import { UsageTab } from './tabs/UsageTab';
import { ScalingTab, hasScalingTab } from './tabs/ScalingTab';
import './inspector.css';

export type InspectorTabId = 'yaml' | 'status' | 'events' | 'relations' | 'containers' | 'logs' | 'usage' | 'scaling';

export interface InspectorProps {
  /** Defaults to the store's selection. */
  selected?: SelectedObject | null;
  /** Defaults to the `select` action. */
  onSelect?: (selected: SelectedObject | null) => void;
}

const NO_OBJECTS: ReadonlyMap<string, KubeObject> = new Map();

export function Inspector(props: InspectorProps) {
  useEnsureMirrored(BROWSER_KINDS);
  const storeSelected = useClusterState((s) => s.selected);
  const selected = props.selected === undefined ? storeSelected : props.selected;
  const onSelectProp = props.onSelect;
  const run = useRunAction();
  const onSelect = useCallback(
    (sel: SelectedObject | null) => {
      if (onSelectProp) onSelectProp(sel);
      else void run('select', sel);
    },
    [onSelectProp, run],
  );

  if (!selected) {
    return (
      <section className="in in-empty" aria-label="Inspector" data-testid="inspector">
        <div className="in-empty-body">
          <h2 className="in-empty-title">Inspector</h2>
          <p>Select an object in the resource browser or the graph to see its YAML, conditions, events, owners and, for pods, containers and logs.</p>
        </div>
      </section>
    );
  }
  return <InspectorFor key={`${selected.kind}/${selected.uid}`} selected={selected} onSelect={onSelect} />;
}

function InspectorFor({ selected, onSelect }: { selected: SelectedObject; onSelect(s: SelectedObject | null): void }) {
  const kindObjects = useClusterState((s) => s.objects[selected.kind] ?? NO_OBJECTS);
  const synced = useClusterState((s) => s.synced[selected.kind] === true);
  const object = kindObjects.get(selected.uid);
  const isPod = selected.kind === 'Pod';
  const [tab, setTab] = useState<InspectorTabId>('yaml');
  const virtualNow = useVirtualNow();
  const now = virtualNow ?? parseTime(object?.metadata.creationTimestamp) ?? 0;

  const events = useKind('Event');
  const objects = useClusterState((s) => s.objects);
  const ref = useMemo(() => ({ kind: selected.kind, name: selected.name, namespace: selected.namespace, uid: selected.uid }), [selected]);
  const evRows = useMemo(() => eventRows(events.values(), ref, now), [events, ref, now]);
  const owners = useMemo(() => (object ? ownersOf(object, objects) : []), [object, objects]);
  const dependents = useMemo(() => dependentsOf(selected.uid, objects), [selected.uid, objects]);
  const containers = useMemo(() => (isPod && object ? containerRows(object, now) : []), [isPod, object, now]);
  const logContainers = useMemo(() => (isPod && object ? logContainerNames(object) : []), [isPod, object]);

  const tabs: TabSpec<InspectorTabId>[] = [
    { id: 'yaml', label: 'YAML' },
    { id: 'status', label: 'Status' },
    { id: 'events', label: 'Events', count: evRows.length },
    { id: 'relations', label: 'Relations', count: owners.length + dependents.length },
  ];
  if (isPod) tabs.push({ id: 'containers', label: 'Containers' }, { id: 'logs', label: 'Logs' });
  if (isPod || selected.kind === 'Node') tabs.push({ id: 'usage', label: 'Usage' });
  if (hasScalingTab(selected.kind)) tabs.push({ id: 'scaling', label: 'Scaling' });
  const current = tabs.some((t) => t.id === tab) ? tab : 'yaml';
  const spec = browserKind(selected.kind) ?? resourceForKind(selected.kind);

  return (
    <section className="in" aria-label={`Inspector: ${selected.kind} ${selected.name}`} data-testid="inspector" data-kind={selected.kind} data-name={selected.name}>
      <InspectorHeader selected={selected} object={object} spec={spec} onClose={() => onSelect(null)} />
      {!object ? (
        <p className="in-none in-gone" data-testid="inspector-missing">
          {synced ? `This ${selected.kind} no longer exists.` : 'Loading…'}
        </p>
      ) : (
        <Tabs<InspectorTabId> tabs={tabs} current={current} onChange={setTab} label={`${selected.kind} details`}>
          {current === 'yaml' && <YamlTab object={object} />}
          {current === 'status' && <StatusTab object={object} now={now} />}
          {current === 'events' && <EventsTab rows={evRows} />}
          {current === 'relations' && <RelationsTab owners={owners} dependents={dependents} onSelect={onSelect} />}
          {current === 'containers' && <ContainersTab rows={containers} />}
          {current === 'logs' && <LogsTab namespace={selected.namespace} pod={selected.name} containers={logContainers} />}
          {current === 'usage' && <UsageTab kind={selected.kind} object={object} />}
          {current === 'scaling' && <ScalingTab kind={selected.kind} object={object} now={now} />}
        </Tabs>
      )}
    </section>
  );
}
