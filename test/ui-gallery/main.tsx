import { render } from 'preact';
import './gallery.css';
import type { Scene } from './scene';
import { optionsScenes } from './scenes-options';
import { popupScenes } from './scenes-popup';
import { sidebarScenes } from './scenes-sidebar';

const scenes: Scene[] = [...sidebarScenes, ...popupScenes, ...optionsScenes];

function Index() {
  return (
    <div class="index">
      <h1>Deal Coach · UI gallery</h1>
      <p>Each frame is one scene at its real size; open a scene alone with ?scene=id.</p>
      {scenes.map((s) => (
        <figure key={s.id}>
          <iframe title={s.title} src={`?scene=${s.id}`} width={s.kind === 'options' ? 900 : s.kind === 'popup' ? 420 : 1000} height={760} />
          <figcaption>
            <a href={`?scene=${s.id}`}>{s.title}</a>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

const id = new URLSearchParams(location.search).get('scene');
const scene = scenes.find((s) => s.id === id);
const app = document.getElementById('app')!;
render(scene ? scene.render() : <Index />, app);
(window as unknown as { __scenes: unknown }).__scenes = scenes.map(({ id, kind, scheme }) => ({ id, kind, scheme }));
document.body.dataset.ready = '1';
